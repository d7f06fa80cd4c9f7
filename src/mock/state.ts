/**
 * The one state object every resource of a mock instance reads and changes: its settings,
 * and what orders changed (taken prefixes, new customers and tenants). Each instance has its
 * own, so instances never see each other's orders.
 */
import type { AdminCredentials, AgreementMode, Customer, Subscription, TaskKind } from '../api/schemas.js';
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
}

export interface MockState extends MockData {
  readonly settings: MockSettings;
  /** Today, `YYYY-MM-DD`: the fixed date, or the real one (UTC). */
  today(): string;
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
  };
}

export function createState(settings: MockSettings): MockState {
  return { settings, today: () => settings.today ?? todayUtc(), ...freshData() };
}
