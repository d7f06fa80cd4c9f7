import { css } from 'lit';

/** Layout of `<lc-order-review>`: stacked cards that reflow down to 320 px, logical properties only (RTL). */
export const orderReviewStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .summary {
    display: grid;
    gap: var(--_space);
    margin: 0 0 calc(var(--_space) * 2);
  }
  .summary-row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
    border-block-end: 1px solid var(--_border);
    padding-block-end: var(--_space);
  }
  .summary-row dt {
    font-weight: 600;
    flex: 0 0 12rem;
    max-inline-size: 100%;
  }
  .summary-row dd {
    margin: 0;
    flex: 1 1 12rem;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
  }
  h3 {
    font-size: 1.05em;
    margin: calc(var(--_space) * 2) 0 var(--_space);
  }
  .lines {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .line {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: calc(var(--_space) * 1.25);
    display: grid;
    gap: calc(var(--_space) * 0.5);
    min-inline-size: 0;
  }
  .line-name {
    margin: 0;
    font-size: 1em;
    overflow-wrap: anywhere;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr));
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
    margin: 0;
  }
  .facts dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .proration {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .totals {
    margin: calc(var(--_space) * 2) 0 0;
    padding: calc(var(--_space) * 1.25);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .totals div {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
  }
  .totals dt {
    font-weight: 600;
  }
  .totals dd {
    margin: 0;
    text-align: end;
  }
  .totals .first dd {
    font-weight: 700;
    font-size: 1.1em;
  }
  .skeleton {
    display: inline-block;
    inline-size: 6rem;
    block-size: 1em;
    vertical-align: middle;
    border-radius: calc(var(--_radius) * 0.5);
    background: linear-gradient(90deg, var(--_surface-alt), var(--_border), var(--_surface-alt));
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  .quote-failed,
  .place-error {
    margin-block: calc(var(--_space) * 2) 0;
  }
  .place-error p,
  .quote-failed p {
    margin: 0 0 var(--_space);
  }
  /* A refused order's message carries the backend's detail: a long unbroken one wraps. */
  .place-error p {
    overflow-wrap: anywhere;
  }
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .spinner {
    display: inline-block;
    inline-size: 0.9em;
    block-size: 0.9em;
    margin-inline-end: 0.4em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    vertical-align: -0.1em;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton,
    .spinner {
      animation: none;
    }
  }
  .place-hint {
    flex-basis: 100%;
    margin: 0;
  }
`;
