import { css } from 'lit';

/**
 * Layout of `<lc-checkout>`: the step list above the current step, the order summary beside
 * the step when the checkout is wide (`.wide`, by its own width) and above it when narrow.
 * Logical properties only (right-to-left pages); nothing wider than 320 px.
 */
export const checkoutStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    color: var(--_text);
  }
  .checkout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 2);
    padding: var(--lc-checkout-padding, 0);
    background: var(--lc-checkout-background, transparent);
  }
  .body {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 2);
  }
  .main {
    min-inline-size: 0;
  }
  /* Two columns only while the summary shows: the cart step is its own summary and takes the width. */
  .wide .body:has(> .side) {
    grid-template-columns: minmax(0, 1fr) minmax(14rem, 18rem);
    gap: calc(var(--_space) * 3);
    align-items: start;
  }
  .wide .main {
    grid-row: 1;
    grid-column: 1;
  }
  /* Beside the step and kept in view while a long step scrolls. */
  .wide .side {
    grid-row: 1;
    grid-column: 2;
    position: sticky;
    inset-block-start: var(--lc-sticky-top, var(--_space));
  }
  .step-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) var(--_space);
  }
  .step-item {
    position: relative;
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    min-block-size: 2rem;
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* The number from the markup: a counter() makes Chromium style and lay out the checkout twice. */
  .step-item::before {
    content: attr(data-number);
    display: inline-grid;
    place-items: center;
    inline-size: 1.6rem;
    block-size: 1.6rem;
    border-radius: 50%;
    border: 1px solid var(--_border);
    font-variant-numeric: tabular-nums;
    flex: none;
  }
  .step-item + .step-item,
  .step-more + .step-item {
    padding-inline-start: var(--_space);
    border-inline-start: 1px solid var(--_border);
  }
  .step-item[aria-current='step'] {
    color: var(--_text);
    font-weight: 700;
  }
  /* Doubled class: the current step wins over .visited, which is declared later. */
  .step-item.step-item[aria-current='step']::before {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .step-item.visited::before {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .step-item button.link {
    font-size: inherit;
    min-block-size: 2rem;
  }
  .step-more {
    display: flex;
    align-items: center;
    min-block-size: 2rem;
    color: var(--_muted);
    letter-spacing: 0.1em;
  }
  .step-caption {
    display: none;
    margin: calc(var(--_space) * 0.5) 0 0;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  /*
   * Narrow: one row of numbers (eight fit in 320 px), the current step's name below it, so no
   * step is left alone on a line. The names stay in the items for assistive technology, and a
   * visited step's button covers its number.
   */
  .narrow .step-list {
    flex-wrap: nowrap;
    gap: calc(var(--_space) * 0.5);
  }
  .narrow .step-item + .step-item,
  .narrow .step-more + .step-item {
    padding-inline-start: 0;
    border-inline-start: none;
  }
  .narrow .step-name {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .narrow .step-item button.link {
    position: absolute;
    inset: 0;
    border-radius: 50%;
  }
  .narrow .step-caption {
    display: block;
  }
  .notice p {
    margin: 0 0 var(--_space);
  }
  .notice p:last-child {
    margin-block-end: 0;
  }
  .loading {
    color: var(--_muted);
  }
`;
