import { css } from 'lit';
import { stepFrameStyles } from './step-frame.styles.js';

/** Layout of fields, error summary and step actions, shared by the step elements; their heading and notices. */
export const formStyles = [
  stepFrameStyles,
  css`
  .fields {
    display: grid;
    gap: calc(var(--_space) * 2);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
    min-width: 0;
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  label {
    font-weight: 600;
  }
  .optional {
    font-weight: 400;
    color: var(--_muted);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    margin: 0 0 calc(var(--_space) * 2);
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding-inline: calc(var(--_space) * 0.5);
  }
  /* Messages quote what was typed (domains, emails): long unbroken values wrap inside them. */
  .error-summary {
    overflow-wrap: anywhere;
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 2);
    margin-block-end: calc(var(--_space) * 2);
  }
  .error-summary-title {
    margin: 0 0 calc(var(--_space) * 0.5);
    font-size: 1em;
    color: var(--_danger);
  }
  .error-summary a {
    color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: space-between;
    margin-block-start: calc(var(--_space) * 3);
  }
  .actions .primary {
    margin-inline-start: auto;
  }
  /*
   * Radio cards. Selected: filled and bordered in the accent colour. Keyboard focus: a ring
   * outside the card, as thick and as far out as on buttons, so the two never look alike.
   */
  .choice:has(input:checked),
  .result:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    background: color-mix(in srgb, var(--_accent) 9%, var(--_surface));
  }
  .choice:has(input:focus-visible),
  .result:has(input:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  /* The card carries the ring; one on the small radio inside too would only clutter it. */
  .choice input[type='radio']:focus-visible,
  .result input[type='radio']:focus-visible {
    outline: none;
  }
  /* Narrow: groups are a rule and a legend, not a box in the box, so inputs keep their width. */
  @container (max-width: 30rem) {
    fieldset {
      border-inline: none;
      border-block-end: none;
      border-radius: 0;
      padding: var(--_space) 0 0;
    }
    legend {
      padding-inline: 0 calc(var(--_space) * 0.5);
    }
  }
  /* A checkbox with its label text (and hint) beside it. */
  .checkbox-field {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
  }
  .checkbox-field input {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    min-height: 0;
    margin: 0.15em 0 0;
    accent-color: var(--_accent);
  }
  .checkbox-text {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.25);
    min-width: 0;
    overflow-wrap: anywhere;
  }
`,
];
