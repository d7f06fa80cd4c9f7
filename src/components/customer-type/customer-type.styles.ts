import { css } from 'lit';

/** Layout of `<lc-customer-type>`: radio cards and a result list that reflow down to 320 px; logical properties only (RTL). */
export const customerTypeStyles = css`
  :host {
    display: block;
  }
  .choices {
    display: grid;
    gap: var(--_space);
  }
  .choice,
  .result {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
    min-width: 0;
  }
  input[type='radio'] {
    min-height: 0;
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  fieldset > .error {
    margin: 0 0 var(--_space);
  }
  .existing {
    display: grid;
    gap: var(--_space);
    margin-block-end: calc(var(--_space) * 2);
  }
  .existing .error,
  .search-status,
  .selected {
    margin: 0;
  }
  .search-status {
    color: var(--_muted);
    min-block-size: 1.5em;
    /* It echoes the search: a long unbroken one wraps instead of widening the page. */
    overflow-wrap: anywhere;
  }
  .selected {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .results {
    margin: 0;
  }
  .results[aria-busy='true'] ul {
    opacity: 0.6;
  }
  .results ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .result {
    flex-wrap: wrap;
  }
  .result-text {
    display: flex;
    flex-direction: column;
    flex: 1 1 10rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .result-name {
    font-weight: 600;
  }
  .result-domain {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .badge {
    display: inline-flex;
    gap: 0.25em;
    align-items: center;
    font-size: 0.8125em;
    font-weight: 600;
    padding: 0.125em 0.5em;
    border-radius: 999px;
    border: 1px solid currentColor;
    white-space: nowrap;
    /* Its own background: the status colours keep their contrast on a selected (tinted) card. */
    background: var(--_surface);
  }
  .badge.on-file {
    color: var(--_success);
  }
  .badge.needed {
    color: var(--_warning);
  }
  .search-failed {
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .search-failed p {
    margin: 0 0 var(--_space);
  }
  input[type='search'] {
    inline-size: 100%;
  }
`;
