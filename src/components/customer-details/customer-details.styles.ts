import { css } from 'lit';

/** Layout of `<lc-customer-details>`: field grids that fall to one column at 320 px; logical properties only (RTL). */
export const customerDetailsStyles = css`
  :host {
    display: block;
  }
  .intro {
    margin: 0 0 calc(var(--_space) * 2);
    color: var(--_muted);
  }
  .field input,
  .field select {
    inline-size: 100%;
  }
  .field .error {
    font-size: 0.875em;
  }
  .suggestions ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .suggestions .hint,
  .suggestions .error,
  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
    min-width: 0;
  }
  .choice input {
    min-height: 0;
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0.2em 0 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .choice-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .inline-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;
