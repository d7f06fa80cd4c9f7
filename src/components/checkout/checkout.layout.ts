import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** From this width (in `rem` of the page) the order summary sits beside the step, and the step list shows every name. */
export const WIDE_REM = 48;

/**
 * The layout of `<lc-checkout>` by its own width, not the viewport's: it may sit in a narrow
 * column of a wide page. `wide` puts the order summary beside the step; narrow puts it,
 * collapsible, above. Also scrolls the order's progress into view when a reload resumed it.
 */
export class CheckoutLayout implements ReactiveController {
  /** Whether the checkout is at least `WIDE_REM` wide. */
  wide = false;
  private _observer?: ResizeObserver;
  private _scrollTo?: { selector: string; ready: () => boolean };

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this._observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const wide = entry.contentRect.width >= WIDE_REM * rem;
      if (wide === this.wide) return;
      // In the next frame: a change of size within this one would end the observer's loop with an error.
      requestAnimationFrame(() => {
        if (this.wide === wide) return;
        this.wide = wide;
        this.host.requestUpdate();
      });
    });
    this._observer.observe(this.host);
  }

  hostDisconnected(): void {
    this._observer?.disconnect();
    this._observer = undefined;
  }

  /**
   * Scrolls the element matching `selector` (in the host's shadow root) to the top of the view
   * after the first update where `ready()` holds: once what renders above it has its size.
   */
  scrollIntoViewWhen(selector: string, ready: () => boolean): void {
    this._scrollTo = { selector, ready };
  }

  hostUpdated(): void {
    const pending = this._scrollTo;
    if (!pending?.ready()) return;
    this._scrollTo = undefined;
    const scroll = () => this.host.shadowRoot?.querySelector(pending.selector)?.scrollIntoView({ block: 'start' });
    // After layout; again once the page has loaded, as the browser restores the scroll position of a reloaded page then.
    requestAnimationFrame(scroll);
    if (document.readyState !== 'complete') window.addEventListener('load', () => requestAnimationFrame(scroll), { once: true });
  }
}
