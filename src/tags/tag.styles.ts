import { css } from 'lit';

/**
 * What the three tags share. Not the checkout's `tokens`: a tag sits in the reseller's own
 * page, so its text takes the page's colour and font unless `--lc-*` says otherwise, and it
 * needs only the colours below (same public properties and defaults as `tokens`; the dark
 * defaults through `light-dark()`, as `tokens` does with `prefers-color-scheme`).
 */
export const tagStyles = css`
  :host {
    color-scheme: light dark;
    --_accent: var(--lc-color-accent, light-dark(#0f62c8, #4c9bf5));
    --_accent-text: var(--lc-color-accent-text, light-dark(#fff, #0b1220));
    --_muted: var(--lc-color-muted, light-dark(#59636e, #9da7b3));
    --_success: var(--lc-color-success, light-dark(#1a7f37, #3fb950));
    --_danger: var(--lc-color-danger, light-dark(#b42318, #ff7b72));
    --_radius: var(--lc-radius, 8px);
    --_space: var(--lc-space, 8px);
    color: var(--lc-color-text, inherit);
    font-family: var(--lc-font-family, inherit);
  }
  :focus-visible {
    outline: 3px solid var(--lc-color-focus, var(--_accent));
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
