import { LitElement, css, type CSSResultGroup } from 'lit';

/** The library's version; `define()` compares it with an already-defined element's. */
export const VERSION = '0.1.0';

/**
 * Base class of every license-checkout element: shared host styles and a guarded
 * `define()`. An embedded widget meets other copies of itself on host pages (two bundles,
 * two versions): defining the same tag twice must neither throw nor silently mix versions.
 */
export class LcElement extends LitElement {
  static readonly version = VERSION;

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static baseStyles = css`
    :host {
      box-sizing: border-box;
      font-family: var(--lc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
      color: var(--lc-color-text, #1b1f24);
    }
    :host([hidden]),
    [hidden] {
      display: none !important;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
  `;

  /**
   * Registers the element under `tag`. A no-op when this very class, or another copy of
   * the same version, is already registered; warns (and keeps the first) when another
   * version holds the tag.
   */
  static define(tag: string, ctor: CustomElementConstructor & { version?: string }): void {
    const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
    if (!existing) {
      customElements.define(tag, ctor);
      return;
    }
    if (existing === ctor || existing.version === ctor.version) return;
    console.warn(
      `license-checkout: <${tag}> is already defined by version ${existing.version ?? 'unknown'}; ` +
        `version ${ctor.version ?? 'unknown'} on this page is not used for it.`,
    );
  }

  /** Styles of subclasses: `static override styles = [LcElement.baseStyles, ...]`. */
  static override styles: CSSResultGroup = LcElement.baseStyles;
}
