/**
 * What the checkout keeps in the browser's storage, as zod schemas beside the contract's:
 * `npm run checks` compiles them with it (see `src/api/check.ts`), and the storage modules
 * run the compiled checks and use the types inferred here. Runtime code imports only types
 * from this module.
 */
import * as z from 'zod/mini';
import { Agreement, Customer, DomainAvailability, OrderLineInput, OrderRequest, TenantLookup } from '../api/schemas.js';
import { STEPS } from './machine-state.js';
import { DRAFT_VERSION } from './session-storage.js';

// ---------------------------------------------------------------------------------------
// The cart (localStorage, per backend; its entry's format is in cart-format.ts)

export const StoredLines = z.array(OrderLineInput);

// ---------------------------------------------------------------------------------------
// The order's reference (sessionStorage): while POST /orders is under way, then once it answered

const Key = z.string().check(z.minLength(1), z.maxLength(200));
export const StoredRef = z.object({ orderId: Key, idempotencyKey: z.optional(Key), recipientKind: z.optional(z.enum(['internal', 'existing', 'new'])) });
export const StoredPending = z.object({ idempotencyKey: Key, request: OrderRequest });

// ---------------------------------------------------------------------------------------
// The checkout's draft (sessionStorage)

const Text = z.string().check(z.maxLength(2000));

export const StoredDraft = z.object({
  v: z.literal(DRAFT_VERSION),
  step: z.enum(STEPS),
  recipientKind: z.optional(z.enum(['internal', 'existing', 'new'])),
  customer: z.optional(Customer),
  // Checked field by field when restored: the machine takes known fields with string values only.
  company: z.looseObject({}),
  tenant: z.object({
    hasTenant: z.boolean(),
    domain: Text,
    prefix: Text,
    availability: z.optional(DomainAvailability),
    lookup: z.optional(TenantLookup),
  }),
  agreement: z.optional(Agreement),
  agreementDraft: z.looseObject({}),
});
export type CheckoutDraft = z.infer<typeof StoredDraft>;
