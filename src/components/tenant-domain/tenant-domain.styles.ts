import { css } from 'lit';

/** Layout of `<lc-tenant-domain>`; logical properties only (RTL), one column at 320 px. */
export const tenantDomainStyles = css`
  :host {
    display: block;
  }
  .intro {
    margin: 0 0 calc(var(--_space) * 2);
    color: var(--_muted);
  }
  .checkbox-field {
    margin-block-end: calc(var(--_space) * 2);
  }
  .tenant-block {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .field input {
    inline-size: 100%;
  }
  .field .error {
    font-size: 0.875em;
  }
  /* The suffix follows the prefix on one line while it fits, below it on a narrow screen. */
  .prefix-group {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  .prefix-group input {
    flex: 1 1 10rem;
    inline-size: auto;
    min-width: 0;
  }
  .suffix {
    color: var(--_muted);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .check {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space);
  }
  .status-line {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .status-line:empty {
    display: none;
  }
  .status-line.available,
  .status-line.found {
    color: var(--_success);
  }
  .status-line.taken,
  .status-line.not-found,
  .status-line.failed {
    color: var(--_danger);
  }
  .icon {
    flex: none;
    inline-size: 1.1em;
    block-size: 1.1em;
    margin-block-start: 0.15em;
    fill: currentColor;
  }
  .spinner {
    flex: none;
    inline-size: 1em;
    block-size: 1em;
    margin-block-start: 0.2em;
    border: 2px solid var(--_border);
    border-block-start-color: var(--_accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  .suggestions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  /* Suggestions in columns of one width, as many as fit. */
  .suggestions ul {
    flex: 1 1 100%;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
    gap: var(--_space);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .suggestions button {
    inline-size: 100%;
    block-size: 100%;
    overflow-wrap: anywhere;
    text-align: start;
  }
  .registered {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
  }
  .registered dt {
    color: var(--_muted);
  }
  .registered dt::after {
    content: ':';
  }
  .registered dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .comparison {
    border: 1px solid var(--_warning);
    border-inline-start-width: 4px;
    border-radius: calc(var(--_radius) * 0.5);
    background: var(--_surface-alt);
    padding: var(--_space) calc(var(--_space) * 1.5);
    align-self: stretch;
  }
  .comparison p {
    margin: 0 0 var(--_space);
  }
  /* One name above the other, in a monospaced font: the same character sits in the same column in both. */
  .names {
    display: grid;
    gap: var(--_space);
    margin-block-end: var(--_space);
  }
  .name {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.5);
    background: var(--_surface);
    padding: calc(var(--_space) * 0.75) var(--_space);
    min-width: 0;
  }
  .name-label {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .name-text {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 1.125em;
    line-height: 1.8;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  /*
   * Not colour alone: a marked run has a thick underline and a tinted box, padded so a lone
   * comma or space is easy to see; the gap for characters only the other name has is a dotted
   * box as wide as they are, plus the same padding, so the columns stay aligned.
   */
  mark {
    background: color-mix(in srgb, var(--_warning) 35%, transparent);
    color: inherit;
    padding-inline: 0.2em;
    border-radius: 2px;
    text-decoration: underline 0.2em solid var(--_warning);
    text-decoration-skip-ink: none;
    text-underline-offset: 0.25em;
    box-decoration-break: clone;
    -webkit-box-decoration-break: clone;
  }
  .gap {
    display: inline-block;
    inline-size: calc(var(--_chars, 1) * 1ch + 0.4em);
    /* A run longer than the line: as wide as the line, not wider (the text beside it wraps). */
    max-inline-size: 100%;
    block-size: 1.2em;
    vertical-align: text-bottom;
    box-sizing: border-box;
    border: 2px dotted var(--_warning);
    border-radius: 2px;
  }
  @media (forced-colors: active) {
    mark {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .gap {
      border-color: CanvasText;
    }
  }
  .inline-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  /* "Use …" names the registered name in full: it wraps anywhere rather than widen the step. */
  .inline-actions button {
    max-inline-size: 100%;
    overflow-wrap: anywhere;
    text-align: start;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .suffix-hint {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin: var(--_space) 0 0;
  }
  .suffix-hint button {
    overflow-wrap: anywhere;
  }
`;
