import { css } from 'lit';

export const cartCountStyles = css`
  [part~='link'] {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    color: inherit;
    text-decoration: none;
  }
  [part~='count'] {
    min-width: 1.5em;
    padding: 0 0.4em;
    border-radius: 1em;
    background: var(--_accent);
    color: var(--_accent-text);
    text-align: center;
  }
`;
