/**
 * `NavigationGuard`: holds the user on the page while provisioning runs, as a Lit
 * `ReactiveController`. Listeners exist only while the guard is active and its host is
 * connected, so an idle page keeps its back/forward-cache eligibility (`beforeunload`
 * listeners make Chromium and Firefox skip the bfcache).
 *
 * What it can stop, and how:
 * - closing the tab, reloading, typing a URL: `beforeunload`, answered by the browser's own
 *   dialog (its text cannot be changed; iOS Safari never shows one);
 * - links and form submissions of the host page: capture-phase `click` / `submit` on the
 *   document, stopped with the widget's own message;
 * - everything else the Navigation API reports (back button where it is cancelable,
 *   `location.href = …`, `navigation.navigate()`, a router's `pushState`): its `navigate` event.
 *
 * Before stopping anything it fires a cancelable `lc-navigation-blocked` from the host: a
 * host app that calls `preventDefault()` on it lets that navigation go ahead.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LcNavigationBlockedEvent, type NavigationKind } from '../events/navigation-blocked.js';

export interface NavigationGuardOptions {
  /** Why leaving is held back, in the user's language; handed to `onBlocked`. */
  message?: string;
  /** A navigation was stopped (and not let through by the host): show `message`. */
  onBlocked?(message: string, attempt: { url: string; kind: NavigationKind }): void;
}

/** The part of the Navigation API used here (not in every TypeScript DOM library yet). */
interface NavigateEventLike extends Event {
  readonly destination: { readonly url: string };
  readonly hashChange: boolean;
  readonly downloadRequest: string | null;
  readonly navigationType: 'push' | 'replace' | 'reload' | 'traverse';
}
interface NavigationLike extends EventTarget {
  navigate?(url: string): unknown;
}

/** As `<lc-checkout>` says it by default (`checkout.leaveMessage`). */
const DEFAULT_MESSAGE =
  'Your order is being set up. Please stay on this page until the running tasks have finished, so you can see the result and what to do next.';

/** Same-tab targets: anything else opens a new browsing context and leaves this page alone. */
const SAME_TAB = new Set(['', '_self', '_top', '_parent']);

function navigationApi(): NavigationLike | undefined {
  return (globalThis as { navigation?: NavigationLike }).navigation;
}

/** The URL without its fragment, to tell a same-page `#anchor` jump from leaving. */
function withoutHash(url: URL): string {
  return url.href.slice(0, url.href.length - url.hash.length);
}

export class NavigationGuard implements ReactiveController {
  /** Why leaving is held back; handed to `onBlocked`. */
  message: string;

  private readonly _host: ReactiveControllerHost & HTMLElement;
  private readonly _options: NavigationGuardOptions;
  private _active = false;
  private _connected = false;
  private _listening = false;
  /** A URL the host let through just now: its follow-up `navigate` event is not asked about again. */
  private _allowed?: string;

  constructor(host: ReactiveControllerHost & HTMLElement, options: NavigationGuardOptions = {}) {
    this._host = host;
    this._options = options;
    this.message = options.message ?? DEFAULT_MESSAGE;
    host.addController(this);
  }

  /** Whether the owner wants the page guarded (e.g. while a provisioning task runs). */
  get active(): boolean {
    return this._active;
  }
  set active(value: boolean) {
    this._active = value;
    this._sync();
  }

  /** Whether the guard is holding navigation back right now: active and its host connected. Public API (a page composing its own checkout may show it). */
  get isActive(): boolean {
    return this._listening;
  }

  hostConnected(): void {
    this._connected = true;
    this._sync();
  }

  hostDisconnected(): void {
    this._connected = false;
    this._sync();
  }

  private readonly _onBeforeUnload = (event: BeforeUnloadEvent): void => {
    event.preventDefault();
    // Older browsers (Safari before 17, Firefox before 119) want a non-empty returnValue.
    event.returnValue = this.message;
  };

  private readonly _onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // a new tab or window
    const path = event.composedPath();
    if (path.includes(this._host)) return; // the widget's own links are its business
    const anchor = path.find(
      (node): node is HTMLAnchorElement | HTMLAreaElement =>
        (node instanceof HTMLAnchorElement || node instanceof HTMLAreaElement) && node.hasAttribute('href'),
    );
    if (!anchor || anchor.hasAttribute('download') || !SAME_TAB.has(anchor.target.toLowerCase())) return;
    const url = this._leavingUrl(anchor.href);
    if (url === undefined) return;
    if (!this._ask(url, 'link')) event.preventDefault();
  };

  private readonly _onSubmit = (event: SubmitEvent): void => {
    if (event.defaultPrevented) return;
    const path = event.composedPath();
    const form = path[0];
    if (!(form instanceof HTMLFormElement) || path.includes(this._host)) return;
    const submitter = event.submitter as HTMLButtonElement | HTMLInputElement | null;
    const method = (submitter?.hasAttribute('formmethod') ? submitter.formMethod : form.method).toLowerCase();
    if (method === 'dialog') return; // closes a dialog, stays on the page
    const target = submitter?.hasAttribute('formtarget') ? submitter.formTarget : form.target;
    if (!SAME_TAB.has(target.toLowerCase())) return;
    const action = submitter?.hasAttribute('formaction') ? submitter.formAction : form.action;
    const url = this._leavingUrl(action || location.href, true);
    if (url === undefined) return;
    if (!this._ask(url, 'form')) event.preventDefault();
  };

  private readonly _onNavigate = (event: Event): void => {
    const navigate = event as NavigateEventLike;
    // Not cancelable (e.g. a cross-document back): `beforeunload` has its turn. A fragment
    // jump stays on this page; a download does not leave it.
    if (!event.cancelable || event.defaultPrevented || navigate.hashChange || navigate.downloadRequest !== null) return;
    const url = navigate.destination.url;
    if (this._allowed !== undefined && url === this._allowed) return;
    if (!this._ask(url, 'navigate')) event.preventDefault();
  };

  /** Adds or removes the listeners to match `active` and the host's connection. */
  private _sync(): void {
    const wanted = this._active && this._connected;
    if (wanted === this._listening) return;
    this._listening = wanted;
    const method = wanted ? 'addEventListener' : 'removeEventListener';
    window[method]('beforeunload', this._onBeforeUnload as EventListener);
    // Capture phase: before the host page's own handlers.
    document[method]('click', this._onClick as EventListener, true);
    document[method]('submit', this._onSubmit as EventListener, true);
    navigationApi()?.[method]('navigate', this._onNavigate);
    if (!wanted) this._allowed = undefined;
    this._host.requestUpdate();
  }

  /**
   * The absolute URL when following `href` leaves this document; undefined for a same-page
   * `#fragment` link and for schemes that do not unload the page (`mailto:`, `tel:`, `javascript:`).
   */
  private _leavingUrl(href: string, sameUrlLeaves = false): string | undefined {
    let url: URL;
    try {
      url = new URL(href, document.baseURI);
    } catch {
      return undefined;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    const here = new URL(location.href);
    if (!sameUrlLeaves && url.hash && withoutHash(url) === withoutHash(here)) return undefined;
    return url.href;
  }

  /**
   * Asks the host page through `lc-navigation-blocked`; returns true when the host let the
   * navigation through. Otherwise tells the owner, so the user learns why nothing happened.
   */
  private _ask(url: string, kind: NavigationKind): boolean {
    const event = new LcNavigationBlockedEvent(url, kind);
    if (!this._host.dispatchEvent(event)) {
      // The click or submit leads to a `navigate` event for the same URL: already allowed.
      this._allowed = url;
      setTimeout(() => {
        if (this._allowed === url) this._allowed = undefined;
      });
      return true;
    }
    this._options.onBlocked?.(this.message, { url, kind });
    return false;
  }
}
