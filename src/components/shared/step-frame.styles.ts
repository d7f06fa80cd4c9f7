import { css } from 'lit';

/**
 * What frames every step: its heading (focused on a step change, ringed only for the keyboard)
 * and its notices. Part of `formStyles`; `<lc-checkout>` takes only this, for the step
 * placeholders and notices it renders itself, so its first file carries no form rules.
 */
export const stepFrameStyles = css`
  .step-heading {
    font-size: 1.25em;
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .step-heading:focus {
    outline: none;
  }
  .step-heading:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 4px;
  }
  /* Messages quote what was typed (domains, emails): long unbroken values wrap inside them. */
  .notice {
    overflow-wrap: anywhere;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface-alt);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: calc(var(--_radius) * 0.5);
    margin-block: var(--_space);
  }
  .notice.warning {
    border-color: var(--_warning);
  }
  .notice.danger {
    border-color: var(--_danger);
  }
`;
