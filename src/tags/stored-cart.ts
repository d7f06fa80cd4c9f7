/**
 * The cart as the tags see it: the very entry `<lc-checkout>` keeps in `localStorage` for a
 * backend (its key and the stored format's version come from the cart model), read and
 * written without zod, and watched for changes made in this tab or another one.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isStoredLine, parseStoredCart, scopeKey, serializeCart } from '../checkout/cart-format.js';
import type { Cart } from '../checkout/cart-store.js';

/** The stored entry for `base` as it is (a string), or null. Disabled storage reads as none. */
function readRaw(base: string): string | null {
  try {
    return localStorage.getItem(scopeKey(base));
  } catch {
    return null;
  }
}

/**
 * The stored lines for the backend at `base`. Anything that is not a cart of this version
 * reads as empty; it is left in place for `<lc-checkout>`, which discards it with a warning
 * (and an addition here replaces it).
 */
export function readStoredCart(base: string, raw = readRaw(base)): Cart {
  const lines = raw === null ? [] : parseStoredCart(raw);
  return Array.isArray(lines) && lines.every(isStoredLine) ? lines : [];
}

/** Stores the lines for `base` in the cart model's format (the tags only add). False when storage refused. */
export function writeStoredCart(base: string, lines: Cart): boolean {
  try {
    localStorage.setItem(scopeKey(base), serializeCart(lines));
    return true;
  } catch (error) {
    console.warn(`license-checkout: could not store the cart.`, error);
    return false;
  }
}

/**
 * Keeps `lines` equal to the stored cart of the host's backend: re-read on the `storage`
 * event (another tab or window) and on `lc-cart-change` reaching the window (a tag or
 * `<lc-cart>` in this page; `<lc-cart>` stores in its update after firing, hence the deferred read).
 */
export class StoredCartController implements ReactiveController {
  lines: Cart = [];
  private _raw?: string | null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly base: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('storage', this._onStorage);
    window.addEventListener('lc-cart-change', this._onChange);
    this.refresh();
  }

  hostDisconnected(): void {
    window.removeEventListener('storage', this._onStorage);
    window.removeEventListener('lc-cart-change', this._onChange);
  }

  hostUpdate(): void {
    // Already updating (a new backend, say): read without asking for another update.
    this.refresh(false);
  }

  /** Reads the stored cart again; the host updates when it changed. */
  refresh(update = true): void {
    const base = this.base();
    const raw = base ? readRaw(base) : null;
    if (raw === this._raw) return;
    this._raw = raw;
    this.lines = readStoredCart(base!, raw);
    if (update) this.host.requestUpdate();
  }

  // Any key: a refresh that finds the same stored text changes nothing.
  private _onStorage = (): void => this.refresh();

  // A microtask, not a timer (throttled in background tabs): it runs after <lc-cart>'s update stored the cart.
  private _onChange = (): void => queueMicrotask(() => this.refresh());
}
