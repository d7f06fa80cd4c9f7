import { css } from 'lit';

/**
 * Layout of `<lc-order-summary>`: a compact card; long product names and amounts wrap inside
 * it down to 320 px. Logical properties only (right-to-left pages).
 */
export const orderSummaryStyles = css`
  :host {
    display: block;
    min-inline-size: 0;
  }
  .summary {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .title {
    font-size: 1em;
    font-weight: 700;
    margin: 0;
  }
  summary {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(var(--_space) * 0.25) var(--_space);
    cursor: pointer;
    border-radius: calc(var(--_radius) * 0.5);
  }
  /* The native disclosure marker (it turns the right way in right-to-left pages), before the title. */
  summary::marker {
    content: none;
  }
  summary .title {
    display: list-item;
    list-style: inside disclosure-closed;
  }
  details[open] summary .title {
    list-style-type: disclosure-open;
  }
  summary:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .lines {
    list-style: none;
    margin: var(--_space) 0 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .line {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0 var(--_space);
    font-size: 0.925em;
  }
  .line-name {
    min-inline-size: 0;
  }
  .line-quantity {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .line-amount {
    grid-column: 1 / -1;
    color: var(--_muted);
  }
  .totals {
    margin: var(--_space) 0 0;
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .totals div {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--_space);
  }
  .totals dt {
    font-weight: 600;
  }
  .totals dd {
    margin: 0;
    text-align: end;
    min-inline-size: 0;
  }
  .amounts {
    display: grid;
    justify-items: end;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    min-inline-size: 0;
  }
  summary .amounts {
    margin-inline-start: auto;
  }
`;
