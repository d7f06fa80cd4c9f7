/**
 * The one state object every resource of a mock instance reads and changes: its settings,
 * and what orders changed (taken prefixes, new customers and tenants). Each instance has its
 * own, so instances never see each other's orders.
 */
import type { AcceptanceCompany, AdminCredentials, AgreementMode, Contact, Customer, RoleTemplate, Subscription, TaskKind } from '../api/schemas.js';
import { customers as seedCustomers, knownTenants } from './data.js';
import type { OrderRecord } from './provisioning.js';
import { todayUtc } from './proration.js';

/** What an instance was created with, defaults filled in. */
export interface MockSettings {
  speed: number;
  basePath: string;
  agreementMode: AgreementMode;
  sse: boolean;
  latencyMs: number;
  /** The fixed date the instance was given, if any. */
  today?: string;
  /** How long an agreement acceptance link works, in seconds (real time). */
  acceptanceLinkSeconds: number;
  /** The store requires the customer's acceptance before the order. */
  acceptanceBeforeOrder: boolean;
  /** The store lets the reseller opt a new tenant out of the default GDAP roles. */
  defaultRolesOptOut: boolean;
  /** The retired partner attestation (`agreement` in an order) is refused. */
  attestRetired: boolean;
}

/** An agreement acceptance request. Its status follows from the times below (see `acceptanceStatus`). */
export interface AcceptanceRecord {
  id: string;
  signatory: Contact;
  company: AcceptanceCompany;
  /** The origin and base path its links point to (the mock serves Microsoft's page). */
  pageBase: string;
  /** The current link's token; older tokens stay known, as replaced links. */
  token: string;
  /** Real time (ms) the current link stops working. */
  expiresAt: number;
  acceptedAt?: number;
  requiredBeforeOrder: boolean;
  /** Orders that reference it, and the customer each is for when an existing one. */
  usedBy: Array<{ orderId: string; customerId?: string }>;
}

/** A GDAP request carried by an order, approved on the mock's admin-center page. */
export interface ApprovalRecord {
  id: string;
  orderId: string;
  companyName: string;
  template: RoleTemplate;
  /** Whole days, from the request's `P…D` duration. */
  days: number;
  autoExtend: boolean;
  pageBase: string;
  createdAt: number;
  approvedAt?: number;
}

/** A tenant an order in this instance created. */
export interface CreatedTenant {
  /** The company it was created for, exactly as ordered. */
  companyName: string;
  /** The latest order for this tenant: the one that created it, or a retry that reused it. */
  latestOrderId: string;
  /** Its first administrator, made when the tenant was created. */
  credentials: AdminCredentials;
  /** Task kinds done for it by earlier orders that failed (carried over retry after retry). */
  done: Set<TaskKind>;
}

export interface IdempotentEntry {
  /** The canonical JSON of the body first sent with the key. */
  body: string;
  orderId: string;
}

/** What `reset()` puts back as it was at the start. */
export interface MockData {
  orders: Map<string, OrderRecord>;
  idempotency: Map<string, IdempotentEntry>;
  customers: Customer[];
  tenants: Map<string, { companyName: string; tenantId: string }>;
  takenPrefixes: Set<string>;
  /** Tenants created by orders in this instance, by domain (see `tenantToReuse`). */
  createdTenants: Map<string, CreatedTenant>;
  /** Company names (exact) that placed an order in this instance: `Fail` fails only the first one. */
  companiesOrdered: Set<string>;
  /**
   * Subscriptions by owner (a customer id, or `internal` for the reseller's own), seeded on
   * first use from today's date (see `resources/subscriptions.ts`); orders add to them.
   */
  subscriptions: Map<string, Subscription[]>;
  acceptances: Map<string, AcceptanceRecord>;
  /** Every acceptance link token ever generated, to its request (replaced links included). */
  acceptanceLinks: Map<string, string>;
  approvals: Map<string, ApprovalRecord>;
}

export interface MockState extends MockData {
  readonly settings: MockSettings;
  /** Today, `YYYY-MM-DD`: the fixed date, or the real one (UTC). */
  today(): string;
  /** Called when a person acted (accepted, approved, a new link): what time alone does not tell event streams. */
  readonly listeners: Set<() => void>;
}

export function notify(state: MockState): void {
  for (const listener of [...state.listeners]) listener();
}

/** Listens to `notify`; returns the unsubscribe. */
export function subscribe(state: MockState, listener: () => void): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/** The seed data, copied, since orders change it. */
export function freshData(): MockData {
  return {
    orders: new Map(),
    idempotency: new Map(),
    customers: seedCustomers.map((c) => ({ ...c })),
    tenants: new Map(Object.entries(knownTenants).map(([domain, t]) => [domain, { ...t }])),
    takenPrefixes: new Set(),
    createdTenants: new Map(),
    companiesOrdered: new Set(),
    subscriptions: new Map(),
    acceptances: new Map(),
    acceptanceLinks: new Map(),
    approvals: new Map(),
  };
}

export function createState(settings: MockSettings): MockState {
  return { settings, today: () => settings.today ?? todayUtc(), listeners: new Set(), ...freshData() };
}
