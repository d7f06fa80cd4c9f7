import { css } from 'lit';

/**
 * Layout of `<lc-checkout>`: the step list above the current step. Logical properties only
 * (right-to-left pages), and a step list that wraps down to 320 px.
 */
export const checkoutStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    color: var(--_text);
  }
  .checkout {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: var(--lc-checkout-padding, 0);
    background: var(--lc-checkout-background, transparent);
  }
  .step-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) var(--_space);
    counter-reset: step;
  }
  .step-item {
    counter-increment: step;
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    min-block-size: 2rem;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .step-item::before {
    content: counter(step);
    display: inline-grid;
    place-items: center;
    inline-size: 1.6rem;
    block-size: 1.6rem;
    border-radius: 50%;
    border: 1px solid var(--_border);
    font-variant-numeric: tabular-nums;
    flex: none;
  }
  .step-item + .step-item {
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
  /* Narrow: only the current step keeps its name; the others show their number. */
  @container (max-width: 30rem) {
    .step-item:not([aria-current='step']) .step-name {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .step-item + .step-item {
      padding-inline-start: calc(var(--_space) * 0.5);
    }
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
