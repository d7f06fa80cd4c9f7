import { css } from 'lit';

/** Layout of `<lc-agreement>`; logical properties only (RTL), one column at 320 px. */
export const agreementStyles = css`
  :host {
    display: block;
  }
  /* Long unbroken names, emails and links wrap instead of widening the step. */
  p {
    overflow-wrap: anywhere;
  }
  .intro {
    margin: 0 0 var(--_space);
  }
  .agreement-link {
    margin: 0 0 calc(var(--_space) * 2);
    overflow-wrap: anywhere;
  }
  .agreement-link a {
    color: var(--_accent);
    font-weight: 600;
  }
  .field input {
    inline-size: 100%;
  }
  .field .error {
    font-size: 0.875em;
  }
  .notice p {
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  .notice p:last-child {
    margin-block-end: 0;
  }
  .acceptance {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-block-end: var(--_space);
  }
  .link-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .link-actions a {
    color: var(--_accent);
  }
  .loading {
    color: var(--_muted);
  }
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
`;
