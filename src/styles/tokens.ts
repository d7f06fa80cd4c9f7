import { css } from 'lit';

/**
 * The public theme: `--lc-*` custom properties with their defaults, read through private
 * `--_*` variables inside the elements. Include in each element's styles.
 */
export const tokens = css`
  :host {
    --_accent: var(--lc-color-accent, #0f62c8);
    --_accent-text: var(--lc-color-accent-text, #ffffff);
    --_text: var(--lc-color-text, #1b1f24);
    --_muted: var(--lc-color-muted, #59636e);
    --_surface: var(--lc-color-surface, #ffffff);
    --_surface-alt: var(--lc-color-surface-alt, #f4f6f8);
    --_border: var(--lc-color-border, #c9d1d9);
    --_danger: var(--lc-color-danger, #b42318);
    --_success: var(--lc-color-success, #1a7f37);
    --_warning: var(--lc-color-warning, #9a6700);
    --_radius: var(--lc-radius, 8px);
    --_space: var(--lc-space, 8px);
    --_font: var(--lc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--lc-font-size, 1rem);
    --_focus: var(--lc-color-focus, #0f62c8);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--lc-color-accent, #4c9bf5);
      --_accent-text: var(--lc-color-accent-text, #0b1220);
      --_text: var(--lc-color-text, #e6edf3);
      --_muted: var(--lc-color-muted, #9da7b3);
      --_surface: var(--lc-color-surface, #0d1117);
      --_surface-alt: var(--lc-color-surface-alt, #161b22);
      --_border: var(--lc-color-border, #3d444d);
      --_danger: var(--lc-color-danger, #ff7b72);
      --_success: var(--lc-color-success, #3fb950);
      --_warning: var(--lc-color-warning, #d29922);
      --_focus: var(--lc-color-focus, #4c9bf5);
    }
  }
`;

/** Buttons, inputs and messages shared by the steps. */
export const controls = css`
  button {
    font: inherit;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    min-height: 2.5rem;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button.link {
    border: none;
    background: none;
    padding: 0;
    min-height: 0;
    color: var(--_accent);
    text-decoration: underline;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    min-height: 2.5rem;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  :is(button, input, select, textarea, a):focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .error {
    color: var(--_danger);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* Messages and hints may quote long unbroken values (domains, emails): they wrap, never widen the step. */
  .error,
  .hint {
    overflow-wrap: anywhere;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
