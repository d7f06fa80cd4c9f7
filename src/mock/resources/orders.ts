/**
 * `POST /orders` (idempotent), `GET /orders/{id}` and `GET /orders/{id}/events`. Placing an
 * order checks it as the store would, then changes the instance: the prefix is taken, the
 * tenant and the customer exist.
 */
import { OrderRequest, type Order, type TaskKind } from '../../api/schemas.js';
import { catalog, reseller } from '../data.js';
import { canonicalJson, idempotencyKeyOf, INVALID_JSON, invalidJson, json, problem, randomHex, validBody, validationProblem } from '../http.js';
import { orderSnapshot, type OrderRecord } from '../provisioning.js';
import type { Route, RouteContext } from '../router.js';
import { noEvents, orderEvents } from '../sse.js';
import { subscribe, type CreatedTenant, type MockState } from '../state.js';
import { addressFieldErrors, validateAddress } from './addresses.js';
import { adminAccessErrors, adminAccessTask } from './admin-access.js';
import { acceptanceErrors, acceptanceStatus, attestationRetired } from './agreement-acceptances.js';
import { customerErrors } from './customers.js';
import { isPrefixTaken, suggestionsFor } from './domains.js';
import { needsAgreement, planTasks } from './order-tasks.js';
import { priceLines, purchaseTime, quoteLines, recipientLineErrors } from './quotes.js';
import { applyOrder, lineTerms, ownerOf } from './subscriptions.js';

export function orderRoutes(state: MockState): Route[] {
  return [
    { path: '/orders', methods: { POST: (context) => placeOrder(state, context) } },
    { path: '/orders/{id}', methods: { GET: ({ params }) => getOrder(state, params.id!) } },
    { path: '/orders/{id}/events', methods: { GET: ({ params, request }) => getOrderEvents(state, params.id!, request.signal) } },
  ];
}

/**
 * A retry of a new-tenant order whose provisioning failed: the failed order already created
 * the tenant (and did what came before the failure), so a real store lets the partner order
 * again for the same company and reuses that tenant instead of refusing its prefix. Only when
 * the tenant was created by an order in this instance, for exactly this company name, and the
 * latest order for it failed (an order still running or completed is no reason to reuse it).
 * Anyone else still gets "already taken", and `GET /domains/{prefix}` keeps saying taken.
 */
function tenantToReuse(
  state: MockState,
  prefix: string,
  companyName: string,
): { domain: string; created: CreatedTenant; done: Set<TaskKind> } | undefined {
  const domain = `${prefix.toLowerCase()}.onmicrosoft.com`;
  const created = state.createdTenants.get(domain);
  if (!created || created.companyName !== companyName) return undefined;
  const latest = state.orders.get(created.latestOrderId);
  if (!latest) return undefined;
  const snapshot = orderSnapshot(latest);
  if (snapshot.status !== 'failed') return undefined;
  // The steps the failed order got done before it failed (tenant, reseller link, agreement…).
  const done = new Set<TaskKind>(snapshot.tasks.filter((t) => t.status === 'succeeded' && t.kind !== 'create-subscription').map((t) => t.kind));
  for (const kind of created.done) done.add(kind);
  return { domain, created, done };
}

function placeOrder(state: MockState, { request, body }: RouteContext): Response {
  const { basePath, speed } = state.settings;
  const today = state.today();
  const key = idempotencyKeyOf(request.headers.get('idempotency-key'));
  if (key instanceof Response) return key;
  if (body === INVALID_JSON) return invalidJson();
  const canonical = canonicalJson(body) ?? '';
  const seen = state.idempotency.get(key);
  if (seen) {
    if (seen.body !== canonical) {
      return problem({
        status: 422,
        title: 'Idempotency key reused for a different order',
        code: 'idempotency-key-reused',
        detail: `The Idempotency-Key “${key}” was already used for order ${seen.orderId} with a different body. Use a new key for a new order.`,
      });
    }
    // A repeated submit: the same order, as it is now.
    return json(orderSnapshot(state.orders.get(seen.orderId)!), 200, { location: `${basePath}/orders/${seen.orderId}` });
  }

  // Before the schema, which would drop the unknown field without a word.
  const retired = attestationRetired(body);
  if (retired) return retired;
  const order = validBody(OrderRequest, body);
  if (order instanceof Response) return order;
  const { priced, errors } = priceLines(order.lines);
  const recipient = order.recipient;
  let failure: Response | undefined;
  errors.push(...customerErrors(state, recipient));

  const customer = recipient.kind === 'existing' ? state.customers.find((c) => c.id === recipient.customerId) : undefined;
  const needed = needsAgreement(recipient, customer);
  const companyName = recipient.kind === 'new' ? recipient.company.companyName : customer?.companyName;
  errors.push(...acceptanceErrors(state, order, companyName, needed));
  if (needed && order.agreementAcceptanceId === undefined) {
    errors.push({
      field: 'agreementAcceptanceId',
      message: 'The customer has no Microsoft Customer Agreement on file: create an acceptance request and send its id.',
    });
  }
  errors.push(...adminAccessErrors(state, order));

  let registered: { companyName: string; tenantId: string } | undefined;
  let reuse: ReturnType<typeof tenantToReuse>;
  if (recipient.kind === 'new') {
    const { company, tenant } = recipient;
    errors.push(...addressFieldErrors(company.address, 'company.address.'));
    if (validateAddress(company.address).status === 'not-valid') {
      errors.push({ field: 'company.address.postalCode', message: 'This address could not be verified; check the postal code.' });
    }
    reuse = tenant.kind === 'new' ? tenantToReuse(state, tenant.prefix, company.companyName) : undefined;
    if (tenant.kind === 'new' && !reuse && isPrefixTaken(state, tenant.prefix)) {
      errors.push({
        field: 'tenant.prefix',
        message: `${tenant.prefix.toLowerCase()}.onmicrosoft.com is already taken. Try ${suggestionsFor(state, tenant.prefix).join(', ')}.`,
      });
    }
    if (tenant.kind === 'existing') {
      registered = state.tenants.get(tenant.domain.toLowerCase());
      if (!registered) {
        errors.push({ field: 'tenant.domain', message: `No Microsoft tenant has the default domain ${tenant.domain}.` });
      } else if (registered.companyName !== company.companyName) {
        errors.push({
          field: 'company.companyName',
          message: `Must match, character for character, the name registered with Microsoft: “${registered.companyName}”.`,
        });
        failure = problem({
          status: 422,
          title: 'The company name does not match the tenant',
          code: 'company-name-mismatch',
          detail: `You entered “${company.companyName}”; the tenant ${tenant.domain.toLowerCase()} is registered to “${registered.companyName}”.`,
          errors,
          registeredCompanyName: registered.companyName,
        });
      }
    }
  }
  if (!errors.some((e) => e.field === 'recipient.customerId')) errors.push(...recipientLineErrors(state, recipient, order.lines, today, errors));
  if (errors.length) return failure ?? validationProblem(errors);

  const id = `ord_${randomHex(10)}`;
  const placedAt = Date.now();
  const purchasedAt = purchaseTime(today);
  const quoted = quoteLines(state, recipient, priced, today, purchasedAt);
  const firstInvoiceTotal = quoted.reduce((sum, l) => sum + l.proratedAmount, 0);
  const terms = order.lines.map((line) => lineTerms(state, recipient, line, today, purchasedAt));
  let summary: Order['recipient'];
  let credentials: OrderRecord['credentials'];
  if (recipient.kind === 'internal') summary = { kind: 'internal', ...reseller };
  else if (recipient.kind === 'existing') summary = { kind: 'existing', companyName: customer!.companyName, domain: customer!.defaultDomain };
  else {
    const domain = recipient.tenant.kind === 'new' ? `${recipient.tenant.prefix.toLowerCase()}.onmicrosoft.com` : recipient.tenant.domain.toLowerCase();
    summary = { kind: 'new', companyName: recipient.company.companyName, domain };
    if (recipient.tenant.kind === 'new') {
      // A reused tenant keeps the administrator the failed order created (shown with the
      // failure too): the retry shows the same one when it completes.
      credentials = reuse?.created.credentials ?? { userName: `admin@${domain}`, temporaryPassword: temporaryPassword() };
    }
  }

  const acceptance = needed && order.agreementAcceptanceId !== undefined ? state.acceptances.get(order.agreementAcceptanceId) : undefined;
  const access = adminAccessTask(state, order, id, summary.companyName, new URL(request.url).origin + basePath);
  const record: OrderRecord = {
    id,
    placedAt,
    speed,
    recipient: summary,
    currency: catalog.currency,
    lines: order.lines,
    lineTerms: terms,
    firstInvoiceTotal,
    tasks: planTasks(state, order, summary, customer, { done: reuse?.done, acceptance, adminAccess: access?.task }),
    ...(credentials ? { credentials } : {}),
    ...(access?.summary ? { adminAccess: access.summary } : {}),
    ...(order.purchaseOrder !== undefined ? { purchaseOrder: order.purchaseOrder } : {}),
  };
  acceptance?.usedBy.push({ orderId: id, ...(customer ? { customerId: customer.id } : {}) });
  state.orders.set(id, record);
  state.idempotency.set(key, { body: canonical, orderId: id });

  // What the order changes in this instance: the prefix is gone, the customer is known.
  // A retry that reuses the failed order's tenant changes neither: both exist already.
  state.companiesOrdered.add(summary.companyName);
  let newCustomerId: string | undefined;
  if (reuse) {
    reuse.created.latestOrderId = id;
    reuse.created.done = reuse.done;
  } else if (recipient.kind === 'new') {
    const domain = summary.domain!;
    if (recipient.tenant.kind === 'new') {
      state.takenPrefixes.add(recipient.tenant.prefix.toLowerCase());
      state.tenants.set(domain, { companyName: recipient.company.companyName, tenantId: crypto.randomUUID() });
      state.createdTenants.set(domain, {
        companyName: recipient.company.companyName,
        latestOrderId: id,
        credentials: credentials!,
        done: new Set(),
      });
    }
    newCustomerId = `cst-${randomHex(4)}`;
    state.customers.push({
      id: newCustomerId,
      companyName: recipient.company.companyName,
      defaultDomain: domain,
      agreementOnFile: true,
      country: recipient.company.address.country,
    });
  }
  const accepted = acceptance !== undefined && acceptanceStatus(state, acceptance) !== 'link-generated' && acceptanceStatus(state, acceptance) !== 'link-expired';
  if (customer && accepted) customer.agreementOnFile = true;
  // The subscriptions and seats count from now (a retry of a failed new-tenant order
  // belongs to a customer made by the failed one, whose subscriptions it finds).
  const owner = ownerOf(recipient) ?? newCustomerId ?? state.customers.find((c) => c.defaultDomain === summary.domain)?.id;
  if (owner) {
    const created = applyOrder(state, owner, order.lines.map((line, i) => ({ line, terms: terms[i]! })), today);
    record.lineTerms = terms.map((t, i) => ({ ...t, subscriptionId: created[i]! }));
  }

  return json(orderSnapshot(record), 201, { location: `${basePath}/orders/${id}` });
}

function getOrder(state: MockState, id: string): Response {
  const record = state.orders.get(id);
  return record ? json(orderSnapshot(record)) : orderNotFound(id);
}

function getOrderEvents(state: MockState, id: string, signal: AbortSignal): Response {
  if (!state.settings.sse) return noEvents('GET /orders/{id}');
  const record = state.orders.get(id);
  return record ? orderEvents(record, signal, (onChange) => subscribe(state, onChange)) : orderNotFound(id);
}

function orderNotFound(id: string): Response {
  return problem({ status: 404, title: 'Order not found', code: 'order-not-found', detail: `No order with id “${id}”.` });
}

/** A temporary password like Microsoft's: a capitalised syllable word, digits, a symbol. */
function temporaryPassword(): string {
  const consonants = 'bcdfghjkmnpqrstvwxz';
  const vowels = 'aeiou';
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  const pick = (set: string, i: number) => set[bytes[i]! % set.length]!;
  const word = pick(consonants, 0).toUpperCase() + pick(vowels, 1) + pick(consonants, 2) + pick(vowels, 3) + pick(consonants, 4);
  const digits = [5, 6, 7, 8].map((i) => String(bytes[i]! % 10)).join('');
  return `${word}${digits}${pick('!#$%*+?', 9)}`;
}
