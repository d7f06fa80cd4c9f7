/** What kind of attempt to leave was held back. */
export type NavigationKind = 'link' | 'form' | 'navigate';

/**
 * Fired by the element that holds the navigation guard (`<lc-checkout>`) when the user tries
 * to leave the page while provisioning runs: a link of the host page, a form submission, or a
 * navigation the Navigation API reports (back button, `location` changes, script).
 *
 * Cancelable: a host app with its own router calls `preventDefault()` to let the navigation
 * go ahead (it then handles leaving itself, e.g. with its own confirmation). Not cancelled,
 * the navigation is stopped and the widget shows why.
 */
export class LcNavigationBlockedEvent extends Event {
  static readonly eventName = 'lc-navigation-blocked' as const;

  /** Where the navigation was going (absolute URL); empty when unknown. */
  readonly url: string;
  readonly kind: NavigationKind;

  constructor(url: string, kind: NavigationKind) {
    super(LcNavigationBlockedEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.url = url;
    this.kind = kind;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-navigation-blocked': LcNavigationBlockedEvent;
  }
}
