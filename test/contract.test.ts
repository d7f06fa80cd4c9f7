import { expect } from '@open-wc/testing';
import { buildOpenApi } from '../src/api/openapi.js';

// DESIGN.md's table of the backend contract, as method and path.
const designTable: Array<[string, string]> = [
  ['get', '/catalog'],
  ['get', '/customers'],
  ['get', '/domains/{prefix}'],
  ['get', '/tenants/{domain}'],
  ['post', '/addresses/validate'],
  ['get', '/agreement'],
  ['post', '/agreement-acceptances'],
  ['get', '/agreement-acceptances/{id}'],
  ['post', '/agreement-acceptances/{id}/link'],
  ['get', '/agreement-acceptances/{id}/events'],
  ['get', '/admin-access/templates'],
  ['post', '/quotes'],
  ['post', '/orders'],
  ['get', '/orders/{id}'],
  ['get', '/orders/{id}/events'],
  ['get', '/customers/{id}/subscriptions'],
  ['get', '/subscriptions'],
  ['get', '/end-dates'],
  ['get', '/country-rules/{country}'],
];

type Json = Record<string, any>;

function collectRefs(node: unknown, refs: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => collectRefs(item, refs));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') refs.push(value);
      else collectRefs(value, refs);
    }
  }
  return refs;
}

describe('OpenAPI document generated from the schemas', () => {
  const doc = buildOpenApi('1.2.3') as Json;

  it('is OpenAPI 3.1 with the given version', () => {
    expect(doc.openapi).to.equal('3.1.0');
    expect(doc.info.version).to.equal('1.2.3');
  });

  it('has every operation of the design table', () => {
    for (const [method, path] of designTable) {
      expect(doc.paths[path], path).to.exist;
      expect(doc.paths[path][method], `${method.toUpperCase()} ${path}`).to.exist;
    }
    expect(Object.keys(doc.paths)).to.have.length(designTable.length);
  });

  it('resolves every $ref to a component schema', () => {
    const refs = collectRefs(doc);
    expect(refs.length).to.be.greaterThan(20);
    for (const ref of refs) {
      const name = ref.replace('#/components/schemas/', '');
      expect(doc.components.schemas[name], ref).to.be.an('object');
    }
  });

  it('describes the order, its idempotency key and problem details', () => {
    const placeOrder = doc.paths['/orders'].post;
    expect(placeOrder.parameters.map((p: Json) => p.name)).to.include('Idempotency-Key');
    expect(placeOrder.requestBody.content['application/json'].schema.$ref).to.equal('#/components/schemas/OrderRequest');
    expect(placeOrder.responses['422'].content).to.have.property('application/problem+json');

    const order = doc.components.schemas.Order;
    expect(order.required).to.include.members(['id', 'status', 'tasks', 'progress']);
    const problem = doc.components.schemas.Problem;
    expect(problem.required).to.include.members(['title', 'status']);
    expect(problem.properties).to.have.keys(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors']);
  });

  it('describes acceptance requests, their statuses and their event stream', () => {
    const create = doc.paths['/agreement-acceptances'].post;
    expect(create.requestBody.content['application/json'].schema.$ref).to.equal('#/components/schemas/CreateAcceptanceRequest');
    expect(create.responses['201'].content['application/json'].schema.$ref).to.equal('#/components/schemas/AcceptanceRequest');
    expect(doc.paths['/agreement-acceptances/{id}/link'].post.responses['409'].content).to.have.property('application/problem+json');
    const events = doc.paths['/agreement-acceptances/{id}/events'].get.responses['200'].content['text/event-stream'];
    expect(events.itemSchema.$ref).to.equal('#/components/schemas/AcceptanceRequest');

    const schemas = doc.components.schemas;
    expect(schemas.AcceptanceStatus.enum).to.deep.equal(['required', 'link-generated', 'customer-accepted', 'link-expired', 'agreement-created']);
    expect(schemas.AcceptanceRequest.required).to.include.members(['id', 'status', 'url', 'expiresAt']);
    expect(schemas.CreateAcceptanceRequest.required).to.have.members(['signatory', 'company']);
    expect(schemas.AcceptanceCompany.required).to.have.members(['name', 'country', 'language']);
    expect(schemas.Agreement.properties).to.have.property('acceptanceRequiredBeforeOrder');
    expect(schemas.Customer.properties).to.have.property('acceptedDirectly');
    expect(schemas.OrderRequest.properties).to.include.keys('agreementAcceptanceId', 'adminAccess');
  });

  it('describes admin access: templates, default roles, and a request limited to two years', () => {
    const templates = doc.paths['/admin-access/templates'].get.responses['200'].content['application/json'].schema;
    expect(templates.$ref).to.equal('#/components/schemas/AdminAccessTemplates');
    const schemas = doc.components.schemas;
    expect(schemas.RoleTemplate.required).to.have.members(['id', 'name', 'description', 'roles', 'includesGlobalAdministrator']);
    expect(schemas.AdminAccessTemplates.properties.defaultRoles.required).to.have.members(['roles', 'optOutAllowed']);
    const duration = new RegExp(schemas.AdminAccessRequest.properties.duration.pattern);
    for (const ok of ['P1D', 'P9D', 'P90D', 'P180D', 'P699D', 'P729D', 'P730D']) expect(duration.test(ok), ok).to.equal(true);
    for (const bad of ['P0D', 'P731D', 'P800D', 'P1000D', 'P01D', 'P1Y', 'P1M', '1D']) expect(duration.test(bad), bad).to.equal(false);
    expect(schemas.AdminAccessStatus.enum).to.deep.equal(['approval-pending', 'active', 'expired', 'terminated']);
    expect(schemas.TaskKind.enum).to.include.members(['grant-default-roles', 'approve-admin-access', 'record-agreement']);
  });

  it('carries the domain rules into the schema', () => {
    const prefix = doc.components.schemas.TenantChoice.oneOf.find((o: Json) => o.properties.kind.const === 'new');
    expect(prefix.properties.prefix.pattern).to.equal('^[A-Za-z0-9]{1,27}$');
    expect(doc.components.schemas.Term.enum).to.deep.equal(['P1M', 'P1Y', 'P3Y']);
  });
});

describe('OpenAPI: subscriptions and the terms of new commerce', () => {
  const doc = buildOpenApi('1.2.3') as Json;
  const schemas = doc.components.schemas;

  it('describes a line as a new subscription or seats added to a subscription', () => {
    expect(schemas.OrderLineInput.oneOf).to.deep.equal([
      { $ref: '#/components/schemas/NewSubscriptionLine' },
      { $ref: '#/components/schemas/AddSeatsLine' },
    ]);
    // A line without `kind` is a new subscription: kind is not required there, and is on added seats.
    expect(schemas.NewSubscriptionLine.required).to.have.members(['productId', 'term', 'billing', 'quantity']);
    expect(schemas.NewSubscriptionLine.properties).to.include.keys(['kind', 'endDate', 'autoRenew']);
    expect(schemas.AddSeatsLine.required).to.have.members(['kind', 'subscriptionId', 'productId', 'term', 'billing', 'quantity']);
    expect(schemas.AddSeatsLine.properties.kind.const).to.equal('add-seats');
  });

  it('limits the purchase order number to 40 characters and echoes it on the order', () => {
    expect(schemas.PurchaseOrder).to.deep.include({ type: 'string', minLength: 1, maxLength: 40 });
    expect(schemas.OrderRequest.properties.purchaseOrder.$ref).to.equal('#/components/schemas/PurchaseOrder');
    expect(schemas.OrderRequest.required).not.to.include('purchaseOrder');
    expect(schemas.Order.properties).to.include.keys(['purchaseOrder']);
  });

  it('keeps the order’s lines as ordered and says what each commits to beside them', () => {
    expect(schemas.Order.properties.lines.items.$ref).to.equal('#/components/schemas/OrderLineInput');
    expect(schemas.Order.properties.lineTerms.items.$ref).to.equal('#/components/schemas/OrderLineTerms');
    expect(schemas.OrderLineTerms.required).to.have.members(['endDate', 'autoRenew', 'cancellableUntil']);
  });

  it('gives each quoted line its end date, renewal, cancellation deadline and promotion', () => {
    for (const variant of schemas.QuoteLine.oneOf) {
      expect(variant.properties).to.include.keys(['endDate', 'autoRenew', 'renewsOn', 'cancellableUntil', 'promotion', 'promotionNotApplied']);
    }
    expect(schemas.AppliedPromotion.required).to.have.members(['id', 'name', 'percentOff', 'saving']);
    expect(schemas.IneligiblePromotion.required).to.have.members(['id', 'name', 'reason']);
    expect(schemas.Product.properties).to.include.keys(['seatCap']);
  });

  it('documents the subscriptions and end-date endpoints with their parameters', () => {
    expect(doc.paths['/customers/{id}/subscriptions'].get.responses['200'].content['application/json'].schema.$ref).to.equal('#/components/schemas/SubscriptionList');
    const endDates = doc.paths['/end-dates'].get;
    expect(endDates.parameters.map((p: Json) => [p.name, p.required])).to.deep.equal([
      ['term', true],
      ['customerId', false],
      ['startDate', false],
    ]);
    expect(schemas.EndDateReason.enum).to.deep.equal(['calendar-month-end', 'subscription']);
    expect(schemas.Subscription.required).to.include.members(['id', 'productId', 'productName', 'term', 'billing', 'quantity', 'startDate', 'endDate', 'autoRenew', 'status']);
  });
});

describe('contract schemas: order lines and the purchase order', () => {
  const line = { productId: 'p', term: 'P1Y', billing: 'monthly', quantity: 3 };

  it('keeps a line without kind valid as a new subscription, and checks each kind’s own fields', async () => {
    const { OrderLineInput } = await import('../src/api/schemas.js');
    expect(OrderLineInput.safeParse(line).data).to.deep.equal(line);
    expect(OrderLineInput.safeParse({ ...line, kind: 'new', endDate: '2027-12-31', autoRenew: false }).success).to.equal(true);
    expect(OrderLineInput.safeParse({ ...line, endDate: '2027-02-30' }).success).to.equal(false);
    expect(OrderLineInput.safeParse({ ...line, kind: 'add-seats' }).success, 'no subscription').to.equal(false);
    const seats = OrderLineInput.safeParse({ ...line, kind: 'add-seats', subscriptionId: 'sub-1', endDate: '2027-12-31' });
    // Seats take the subscription's end date: one sent is not kept.
    expect(seats.data).to.deep.equal({ ...line, kind: 'add-seats', subscriptionId: 'sub-1' });
    expect(OrderLineInput.safeParse({ ...line, kind: 'upgrade' }).success).to.equal(false);
  });

  it('takes a purchase order of 1 to 40 characters, whatever they are', async () => {
    const { OrderRequest } = await import('../src/api/schemas.js');
    const order = { lines: [line], recipient: { kind: 'internal' } };
    expect(OrderRequest.safeParse({ ...order, purchaseOrder: 'x'.repeat(40) }).success).to.equal(true);
    expect(OrderRequest.safeParse({ ...order, purchaseOrder: 'x'.repeat(41) }).success).to.equal(false);
    expect(OrderRequest.safeParse({ ...order, purchaseOrder: '' }).success).to.equal(false);
    expect(OrderRequest.safeParse({ ...order, purchaseOrder: '<b onmouseover=alert(1)>PO 7</b>' }).data?.purchaseOrder).to.equal('<b onmouseover=alert(1)>PO 7</b>');
  });

  it('prices every offer per year from the catalog alone', async () => {
    const { offerPricePerYear } = await import('../src/api/schemas.js');
    const { catalog } = await import('../src/mock/data.js');
    const premium = catalog.products.find((p) => p.name === 'Microsoft 365 Business Premium')!;
    const perYear = Object.fromEntries(premium.offers.map((o) => [`${o.term} ${o.billing}`, offerPricePerYear(o)]));
    // $22.00 a month on a yearly term; a monthly term costs 20 % more, a year paid upfront 5 % less.
    expect(perYear).to.deep.equal({ 'P1M monthly': 31680, 'P1Y monthly': 26400, 'P1Y annual': 25080 });
  });
});

describe('contract schemas', () => {
  it('accept only http(s) links, never script URLs', async () => {
    const { Agreement, ProvisioningTask } = await import('../src/api/schemas.js');
    const agreement = { templateId: 't', version: '1', mode: 'attest' };
    expect(Agreement.safeParse({ ...agreement, url: 'https://example.com/mca' }).success).to.equal(true);
    expect(Agreement.safeParse({ ...agreement, url: 'javascript:alert(1)' }).success).to.equal(false);
    expect(Agreement.safeParse({ ...agreement, url: 'data:text/html,<script>alert(1)</script>' }).success).to.equal(false);
    const task = { id: '1', kind: 'accept-relationship', label: 'Accept', status: 'action-required' };
    expect(ProvisioningTask.safeParse({ ...task, actionUrl: 'https://example.com/accept' }).success).to.equal(true);
    expect(ProvisioningTask.safeParse({ ...task, actionUrl: 'javascript:alert(1)' }).success).to.equal(false);
    const { AcceptanceRequest } = await import('../src/api/schemas.js');
    const request = { id: 'mca_1', status: 'link-generated', expiresAt: '2027-01-16T10:00:00Z' };
    expect(AcceptanceRequest.safeParse({ ...request, url: 'https://example.com/mca' }).success).to.equal(true);
    expect(AcceptanceRequest.safeParse({ ...request, url: 'javascript:alert(1)' }).success).to.equal(false);
  });
});
