/**
 * Microsoft Customer Agreement acceptance requests ("enhanced attestation"):
 * `POST /agreement-acceptances`, `GET /agreement-acceptances/{id}` (and `/events`),
 * `POST /agreement-acceptances/{id}/link`. Each link points at the page the mock serves in
 * Microsoft's place (`microsoft-pages.ts`), where the signatory accepts.
 *
 * Test values: a company name containing `Expired`, or a signatory email whose local part is
 * `expired`, gets a link that has already expired; a company name containing `Strict`, or
 * the `acceptanceBeforeOrder` option, makes acceptance required before the order.
 */
import { CreateAcceptanceRequest, type AcceptanceRequest, type AcceptanceStatus, type FieldError, type OrderRequest } from '../../api/schemas.js';
import { json, problem, randomHex, validBody } from '../http.js';
import { orderSnapshot, type AwaitedAction, type PlannedTask } from '../provisioning.js';
import type { Route, RouteContext } from '../router.js';
import { noEvents, snapshotEvents } from '../sse.js';
import { notify, subscribe, type AcceptanceRecord, type MockState } from '../state.js';

export function acceptanceRoutes(state: MockState): Route[] {
  return [
    { path: '/agreement-acceptances', methods: { POST: (context) => createAcceptance(state, context) } },
    { path: '/agreement-acceptances/{id}', methods: { GET: ({ params }) => withAcceptance(state, params.id!, (r) => json(acceptanceSnapshot(state, r))) } },
    { path: '/agreement-acceptances/{id}/link', methods: { POST: ({ params }) => withAcceptance(state, params.id!, (r) => newLink(state, r)) } },
    {
      path: '/agreement-acceptances/{id}/events',
      methods: { GET: ({ params, request }) => withAcceptance(state, params.id!, (r) => acceptanceEvents(state, r, request.signal)) },
    },
  ];
}

/** Where an acceptance request stands at real time `now`. */
export function acceptanceStatus(state: MockState, record: AcceptanceRecord, now = Date.now()): AcceptanceStatus {
  if (record.acceptedAt !== undefined) {
    const recorded = record.usedBy.some(({ orderId }) => {
      const order = state.orders.get(orderId);
      return order && orderSnapshot(order, now).tasks.some((t) => t.kind === 'record-agreement' && t.status === 'succeeded');
    });
    return recorded ? 'agreement-created' : 'customer-accepted';
  }
  return now >= record.expiresAt ? 'link-expired' : 'link-generated';
}

export function acceptanceSnapshot(state: MockState, record: AcceptanceRecord, now = Date.now()): AcceptanceRequest {
  const snapshot: AcceptanceRequest = {
    id: record.id,
    status: acceptanceStatus(state, record, now),
    url: linkUrl(record),
    expiresAt: new Date(record.expiresAt).toISOString(),
    requiredBeforeOrder: record.requiredBeforeOrder,
    signatory: record.signatory,
    company: record.company,
  };
  if (record.acceptedAt !== undefined) snapshot.acceptedAt = new Date(record.acceptedAt).toISOString();
  return snapshot;
}

/** The page the signatory opens: the mock's stand-in for Microsoft's. */
export function linkUrl(record: AcceptanceRecord): string {
  return `${record.pageBase}/microsoft/customer-agreement/${record.token}`;
}

function createAcceptance(state: MockState, { request, body }: RouteContext): Response {
  const parsed = validBody(CreateAcceptanceRequest, body);
  if (parsed instanceof Response) return parsed;
  const { signatory, company } = parsed;
  const expired = company.name.includes('Expired') || signatory.email.toLowerCase().startsWith('expired@');
  const record: AcceptanceRecord = {
    id: `mca_${randomHex(8)}`,
    signatory,
    company,
    pageBase: new URL(request.url).origin + state.settings.basePath,
    token: '',
    expiresAt: 0,
    requiredBeforeOrder: state.settings.acceptanceBeforeOrder || company.name.includes('Strict'),
    usedBy: [],
  };
  setLink(state, record, expired ? Date.now() - 60_000 : undefined);
  state.acceptances.set(record.id, record);
  return json(acceptanceSnapshot(state, record), 201, { location: `${state.settings.basePath}/agreement-acceptances/${record.id}` });
}

/** A new link (the old one stops working), expiring after the configured lifetime unless `expiresAt` is given. */
function setLink(state: MockState, record: AcceptanceRecord, expiresAt?: number): void {
  record.token = randomHex(12);
  record.expiresAt = expiresAt ?? Date.now() + state.settings.acceptanceLinkSeconds * 1000;
  state.acceptanceLinks.set(record.token, record.id);
}

function newLink(state: MockState, record: AcceptanceRecord): Response {
  if (record.acceptedAt !== undefined) {
    return problem({
      status: 409,
      title: 'Already accepted',
      code: 'already-accepted',
      detail: `${record.company.name} accepted the agreement on ${new Date(record.acceptedAt).toISOString()}; there is no link to renew.`,
    });
  }
  setLink(state, record);
  notify(state);
  return json(acceptanceSnapshot(state, record));
}

function acceptanceEvents(state: MockState, record: AcceptanceRecord, signal: AbortSignal): Response {
  if (!state.settings.sse) return noEvents('GET /agreement-acceptances/{id}');
  return snapshotEvents(
    {
      read(now) {
        const snapshot = acceptanceSnapshot(state, record, now);
        const accepted = snapshot.status === 'customer-accepted' || snapshot.status === 'agreement-created';
        return {
          data: snapshot,
          key: `${snapshot.status}|${snapshot.url}`,
          last: accepted,
          wakeAt: snapshot.status === 'link-generated' ? record.expiresAt : undefined,
        };
      },
      subscribe: (onChange) => subscribe(state, onChange),
    },
    signal,
  );
}

function withAcceptance(state: MockState, id: string, then: (record: AcceptanceRecord) => Response): Response {
  const record = state.acceptances.get(id);
  if (record) return then(record);
  return problem({ status: 404, title: 'Acceptance request not found', code: 'acceptance-not-found', detail: `No agreement acceptance request with id “${id}”.` });
}

/** The page's Accept: the signatory accepted now. */
export function accept(state: MockState, record: AcceptanceRecord): void {
  if (record.acceptedAt !== undefined) return;
  record.acceptedAt = Date.now();
  // An existing customer's agreement is on file from now on.
  for (const { customerId } of record.usedBy) {
    const customer = state.customers.find((c) => c.id === customerId);
    if (customer) customer.agreementOnFile = true;
  }
  notify(state);
}

/**
 * What an order's agreement fields break, for a recipient called `companyName`: both ways at
 * once, or, when the recipient `needed` the agreement, an unknown or foreign acceptance
 * request, or one still pending where acceptance must come first.
 */
export function acceptanceErrors(state: MockState, order: OrderRequest, companyName: string | undefined, needed: boolean): FieldError[] {
  const id = order.agreementAcceptanceId;
  // A recipient with the agreement on file (or your own organization) does not use it.
  if (id === undefined || !needed) return [];
  const record = state.acceptances.get(id);
  if (!record) return [{ field: 'agreementAcceptanceId', message: `No agreement acceptance request with id “${id}”.` }];
  if (companyName !== undefined && record.company.name !== companyName) {
    return [
      {
        field: 'agreementAcceptanceId',
        message: `That acceptance request is for “${record.company.name}”, not “${companyName}”. Create one for this company.`,
      },
    ];
  }
  const status = acceptanceStatus(state, record);
  if (record.requiredBeforeOrder && status !== 'customer-accepted' && status !== 'agreement-created') {
    return [
      {
        field: 'agreementAcceptanceId',
        message: 'This store requires the customer to accept the Microsoft Customer Agreement before the order; it is not accepted yet.',
      },
    ];
  }
  return [];
}

/** The order's problem when its body still carries the retired attestation (`agreement`). */
export function attestationRetired(body: unknown): Response | undefined {
  if (!body || typeof body !== 'object' || !('agreement' in body)) return undefined;
  return problem({
    status: 422,
    title: 'Partner attestation was retired',
    code: 'attestation-retired',
    detail:
      'Microsoft retired partner attestation of the Microsoft Customer Agreement in January 2026. Create an acceptance ' +
      'request (POST /agreement-acceptances), send its link to the customer, and send its id as agreementAcceptanceId.',
    errors: [{ field: 'agreement', message: 'Partner attestation was retired: send agreementAcceptanceId instead.' }],
  });
}

/** The "Record the Microsoft Customer Agreement" task of an order that references a request. */
export function recordAgreementTask(record: AcceptanceRecord): Omit<PlannedTask, 'id'> {
  const { firstName, lastName, email } = record.signatory;
  const awaits: AwaitedAction = {
    actedAt: () => record.acceptedAt,
    url: () => (Date.now() < record.expiresAt ? linkUrl(record) : undefined),
    detail: () =>
      Date.now() < record.expiresAt
        ? `Waiting for ${firstName} ${lastName} (${email}) to accept the agreement for ${record.company.name}: send them this link.`
        : `The acceptance link expired on ${new Date(record.expiresAt).toISOString()}. Generate a new one and send it to ${firstName} ${lastName}.`,
  };
  return {
    kind: 'record-agreement',
    label: 'Record the Microsoft Customer Agreement',
    behaviour: 'await',
    seconds: 5,
    doneDetail: `Accepted by ${firstName} ${lastName} (${email}); recorded for ${record.company.name}.`,
    awaits,
  };
}
