import type { ReactiveControllerHost } from 'lit';

/** The text of `<lc-checkout>`'s live region (`role="status"`): step changes, an added product. */
export class Announcer {
  /** What the live region says now. */
  announcement = '';

  constructor(private readonly host: ReactiveControllerHost) {}

  announce(message: string): void {
    // The same text twice in a row would not be read again: clear first.
    this.announcement = '';
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      this.announcement = message;
      this.host.requestUpdate();
    });
  }
}
