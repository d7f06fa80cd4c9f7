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
