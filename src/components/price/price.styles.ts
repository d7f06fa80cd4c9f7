import { css } from 'lit';

export const priceStyles = css`
  :host {
    display: inline;
  }
`;
