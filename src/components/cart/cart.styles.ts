import { css } from 'lit';

/** Layout of `<lc-cart>`: a list of line cards that reflows down to 320 px, logical properties only (RTL). */
export const cartStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .heading {
    font-size: 1.25em;
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .heading:focus {
    outline: none;
  }
  .lines {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .line {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: calc(var(--_space) * 1.5);
    display: grid;
    gap: var(--_space);
    min-width: 0;
  }
  @container (max-width: 24rem) {
    .line {
      padding: var(--_space);
    }
  }
  .line[data-problem] {
    border-color: var(--_danger);
  }
  .line-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
  }
  .name {
    font-size: 1.05em;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 1.5);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.25);
    flex: 1 1 8rem;
    min-width: 0;
  }
  .field.quantity {
    flex-basis: 7rem;
  }
  /* Wide enough for the longest choice ("Billed annually") with the select's arrow. */
  .field:has(select) {
    flex-basis: 10rem;
  }
  label {
    font-weight: 600;
    font-size: 0.875em;
  }
  select,
  input {
    inline-size: 100%;
  }
  .prices {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 2);
    margin: 0;
  }
  .prices div {
    display: flex;
    gap: calc(var(--_space) * 0.5);
  }
  .prices dt {
    color: var(--_muted);
  }
  .prices dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .line-total dd {
    font-weight: 600;
  }
  .totals {
    margin-block: calc(var(--_space) * 2) 0;
    padding-block-start: var(--_space);
    border-block-start: 2px solid var(--_border);
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
    font-weight: 600;
  }
  .totals ul {
    list-style: none;
    margin: 0;
    padding: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .notes {
    margin-block: calc(var(--_space) * 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) * 0.5);
  }
  .notes h3 {
    margin: 0 0 calc(var(--_space) * 0.5);
    font-size: 0.95em;
  }
  .notes ul {
    margin: 0;
    padding-inline-start: calc(var(--_space) * 2.5);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    justify-content: flex-end;
  }
  .actions .hint {
    flex: 1 1 12rem;
    margin: 0;
  }
  .empty,
  .failed,
  .loading {
    padding: calc(var(--_space) * 2);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    margin: 0 0 calc(var(--_space) * 2);
  }
  .failed {
    border-style: solid;
    border-color: var(--_danger);
  }
  .failed p {
    margin: 0 0 var(--_space);
  }
  .skeleton {
    display: block;
    block-size: 1em;
    margin-block-start: var(--_space);
    border-radius: calc(var(--_radius) * 0.5);
    background: var(--_border);
    opacity: 0.5;
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  .skeleton.short {
    inline-size: 60%;
  }
  @keyframes pulse {
    to {
      opacity: 0.2;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .error {
    font-size: 0.875em;
    margin: 0;
  }
  .problem {
    color: var(--_danger);
    margin: 0;
  }
`;
