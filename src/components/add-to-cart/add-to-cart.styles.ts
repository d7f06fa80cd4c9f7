import { css } from 'lit';

export const addToCartStyles = css`
  :host {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  button {
    font: inherit;
    padding: 0.5em 1em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .added {
    color: var(--_success);
  }
  .failed {
    color: var(--_danger);
  }
  .unavailable {
    color: var(--_muted);
  }
`;
