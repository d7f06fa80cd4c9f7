/**
 * Fired by `<lc-tenant-domain>` when the user chooses to use the company name registered
 * with Microsoft for the existing tenant ("Use “Fabrikam, Inc.”"): `companyName` is that
 * name, character for character. The owner of the company details (usually `<lc-checkout>`)
 * takes it as the customer's company name. Cancelable: a host that calls `preventDefault()`
 * keeps its name, and the element then keeps comparing against it.
 */
export class LcCompanyNameChangeEvent extends Event {
  static readonly eventName = 'lc-company-name-change' as const;

  readonly companyName: string;

  constructor(companyName: string) {
    super(LcCompanyNameChangeEvent.eventName, { bubbles: true, composed: false, cancelable: true });
    this.companyName = companyName;
  }
}

declare global {
  interface HTMLElementEventMap {
    'lc-company-name-change': LcCompanyNameChangeEvent;
  }
}
