/**
 * What the product-page tags share: where the backend is (`api-base`, else the page's
 * default), how to call it (`apiOptions`), the locale and the texts. No context and no
 * HTTP client: a tag stands alone on a page without `<lc-checkout>`.
 */
import type { PropertyDeclarations } from 'lit';
import { LcElement } from '../base/lc-element.js';
import { backendScope } from '../checkout/cart-store.js';
import { resolveLang } from '../i18n/format.js';
import { lookup, type StringTable } from '../i18n/strings.js';
import type { TagApiOptions } from './catalog.js';

/** Page-wide defaults for every tag, set once with `configureTags()`. */
export interface TagDefaults {
  /** The backend's base URL, for tags without `api-base` (before the `<meta name="lc-api-base">`). */
  apiBase?: string;
  /** Headers, access token and `fetch` for the tags' one catalog request (as `<lc-checkout>.apiOptions`). */
  apiOptions?: TagApiOptions;
  /** Text overrides under every tag's own `strings`, e.g. a translation table. */
  strings?: StringTable;
}

const defaults: TagDefaults = {};
const connected = new Set<LcTagElement<StringTable>>();

/**
 * Sets page-wide defaults for the tags (the backend, its headers or token, the texts);
 * tags already on the page update. A tag's own `api-base` and `strings` win.
 */
export function configureTags(options: TagDefaults): void {
  Object.assign(defaults, options);
  for (const tag of connected) tag.requestUpdate();
}

/** Base class of `<lc-add-to-cart>`, `<lc-cart-count>` and `<lc-price>`. */
export abstract class LcTagElement<S extends StringTable> extends LcElement {
  // `static properties` rather than decorators in the tags: the decorator helpers cost bytes
  // that a product page's budget (10 KB gzip for everything) does not have.
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    strings: { attribute: false },
  };

  /**
   * The backend's base URL, as on `<lc-checkout>`; it also keys the stored cart. Without it,
   * `configureTags({ apiBase })`, then `<meta name="lc-api-base" content="…">` in the page.
   */
  declare apiBase?: string;

  /** Overrides of the default texts, key by key. */
  declare strings?: Partial<S>;

  protected abstract readonly defaultStrings: S;

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this as unknown as LcTagElement<StringTable>);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this as unknown as LcTagElement<StringTable>);
  }

  /**
   * The backend's base URL as `<lc-checkout>` keys its cart (resolved against the page, no
   * trailing slash), so `/api` and `/api/` share one catalog request and one cart; undefined
   * when none is configured.
   */
  protected get baseUrl(): string | undefined {
    return backendScope(this.apiBase || defaults.apiBase || document.querySelector<HTMLMetaElement>('meta[name="lc-api-base"]')?.content);
  }

  /** Page-wide, as the catalog they are for is fetched once per page. */
  protected get options(): TagApiOptions | undefined {
    return defaults.apiOptions;
  }

  protected t(key: keyof S & string, values?: Record<string, string | number>): string {
    return lookup(this.defaultStrings, { ...defaults.strings, ...this.strings } as StringTable, key, values);
  }

  private _warned?: string;

  /** Warns about `problem` in the console, once until it changes. */
  protected warn(problem: string | undefined): void {
    if (problem && problem !== this._warned) console.warn(`license-checkout: <${this.localName} product="${this.getAttribute('product')}">: ${problem}.`);
    this._warned = problem;
  }

  protected get locale(): string | undefined {
    return resolveLang(this, this.lang);
  }
}
