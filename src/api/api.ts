import type {
  AcceptanceRequest,
  Address,
  AddressValidation,
  Agreement,
  AdminAccessTemplates,
  Catalog,
  CountryRules,
  CreateAcceptanceRequest,
  CustomerList,
  DomainAvailability,
  EndDates,
  Order,
  OrderRequest,
  Quote,
  QuoteRequest,
  SubscriptionList,
  Term,
  TenantLookup,
} from './schemas.js';

/** Options every call accepts. */
export interface CallOptions {
  /**
   * Aborts the request and any pending retry; the promise then rejects with the signal's
   * reason (an `AbortError` `DOMException` unless one was given), never a `NetworkError`.
   */
  signal?: AbortSignal;
}

export interface PlaceOrderOptions extends CallOptions {
  /**
   * The idempotency key of this order attempt. Leave it out and the client makes one;
   * pass the same key again to be sure a repeated submit returns the same order.
   */
  idempotencyKey?: string;
}

/**
 * Everything the checkout needs from the store's backend. `HttpCheckoutApi` implements it
 * over HTTP; a reseller may pass any other implementation as `<lc-checkout>.api`.
 *
 * Every method resolves to a fully validated value or rejects with an `ApiError`
 * (problem+json), a `ContractError` (a body that does not match the contract), a
 * `NetworkError` (no answer, or timed out) or the abort reason.
 */
export interface CheckoutApi {
  getCatalog(options?: CallOptions): Promise<Catalog>;
  searchCustomers(search: string, options?: CallOptions): Promise<CustomerList>;
  checkDomain(prefix: string, options?: CallOptions): Promise<DomainAvailability>;
  lookupTenant(domain: string, options?: CallOptions): Promise<TenantLookup>;
  validateAddress(address: Address, options?: CallOptions): Promise<AddressValidation>;
  getAgreement(options?: CallOptions): Promise<Agreement>;
  /** Creates a Microsoft Customer Agreement acceptance request: the link to send the signatory. */
  createAgreementAcceptance(request: CreateAcceptanceRequest, options?: CallOptions): Promise<AcceptanceRequest>;
  getAgreementAcceptance(id: string, options?: CallOptions): Promise<AcceptanceRequest>;
  /** A new link for a request whose link expired (the old link stops working). */
  regenerateAgreementAcceptanceLink(id: string, options?: CallOptions): Promise<AcceptanceRequest>;
  /**
   * Follows an acceptance request as server-sent events (`GET /agreement-acceptances/{id}/events`),
   * calling `onSnapshot` with each validated snapshot; resolves when the stream ends or the
   * status is `customer-accepted` or `agreement-created`. Rejects as `watchOrder` does, so
   * callers fall back to polling `getAgreementAcceptance`.
   */
  watchAgreementAcceptance(id: string, onSnapshot: (request: AcceptanceRequest) => void, options?: CallOptions): Promise<void>;
  /** The GDAP role templates, and the roles a new tenant gets by default. */
  getAdminAccessTemplates(options?: CallOptions): Promise<AdminAccessTemplates>;
  createQuote(request: QuoteRequest, options?: CallOptions): Promise<Quote>;
  placeOrder(request: OrderRequest, options?: PlaceOrderOptions): Promise<Order>;
  getOrder(id: string, options?: CallOptions): Promise<Order>;
  /**
   * Follows an order's snapshots as server-sent events (`GET /orders/{id}/events`), calling
   * `onSnapshot` with each validated `Order`. Resolves when the stream ends or a `completed`
   * / `failed` snapshot arrives. Rejects with an `ApiError` (typically 404, 405 or 501) when
   * the backend has no events endpoint, so callers fall back to polling `getOrder`; with a
   * `ContractError` for a snapshot that breaks the contract or an answer that is no event
   * stream; with a `NetworkError` when the stream breaks; with whatever `onSnapshot` throws.
   * There is no reconnect: after a rejection the caller resumes by polling or watching again.
   */
  watchOrder(id: string, onSnapshot: (order: Order) => void, options?: CallOptions): Promise<void>;
  /**
   * A recipient's subscriptions: an existing customer's (`GET /customers/{id}/subscriptions`),
   * or with no id the reseller's own organization's (`GET /subscriptions`), for internal orders.
   * Optional, so implementations written before it stay valid: without it the checkout can
   * only order new subscriptions.
   */
  getSubscriptions?(customerId: string | undefined, options?: CallOptions): Promise<SubscriptionList>;
  /**
   * The dates a new subscription of `term` may end on (`GET /end-dates`), for an existing
   * customer or, with no `customerId`, the reseller's own organization; from `startDate`
   * (today when left out). Optional, as `getSubscriptions`: without it every new
   * subscription ends on the default date, the calendar month end.
   */
  getEndDates?(term: Term, query?: { customerId?: string; startDate?: string }, options?: CallOptions): Promise<EndDates>;
  /**
   * A country's address rules (`GET /country-rules/{country}`): whether it needs a state, its
   * fixed list of states, its postal code and phone patterns, as Partner Center publishes them.
   * Optional, as `getSubscriptions`: without it the address form asks for a state as free
   * text, where the country needs one.
   */
  getCountryRules?(country: string, options?: CallOptions): Promise<CountryRules>;
}
