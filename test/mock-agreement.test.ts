/**
 * The mock backend's Microsoft Customer Agreement acceptance requests and admin access (GDAP)
 * over real HTTP: the contract's endpoints, the pages the mock serves in Microsoft's place
 * (pressed in a real frame, so the Accept and Approve are real form posts), and orders that
 * wait on them during provisioning.
 */
import { expect } from '@open-wc/testing';
import { AcceptanceRequest, AdminAccessTemplates, Agreement, CustomerList, Order, type OrderRequest } from '../src/api/schemas.js';
import { ATTEST_RETIRED } from '../src/mock/index.js';
import { call, expectProblem, fieldsOf, messageFor, parse, placeOrder, pollOrder } from './helpers/contract.js';
import { createTestMock, type TestMock } from './helpers/mock.js';

const E3 = 'cfq7ttc0lfld-0001';
const ADATUM = 'cst-1b84d0e6';
const CONTOSO = 'cst-7f3a2c91';
const lines = [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 5 }] as OrderRequest['lines'];
const signatory = { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@northwindtraders.com' };

function acceptanceFor(name: string, who: Partial<typeof signatory> = {}) {
  return { signatory: { ...signatory, ...who }, company: { name, country: 'US', language: 'en' } };
}

async function createAcceptance(mock: TestMock, name: string, who: Partial<typeof signatory> = {}): Promise<AcceptanceRequest> {
  const answer = await call(mock, '/agreement-acceptances', { method: 'POST', json: acceptanceFor(name, who) });
  expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
  return parse(AcceptanceRequest, answer.body);
}

async function readAcceptance(mock: TestMock, id: string): Promise<AcceptanceRequest> {
  const answer = await call(mock, `/agreement-acceptances/${id}`);
  expect(answer.status).to.equal(200);
  return parse(AcceptanceRequest, answer.body);
}

/** What a browser sends when the page's button is pressed, without a frame. */
function pressOnPage(url: string, decision: 'accept' | 'approve'): Promise<Response> {
  return fetch(url, { method: 'POST', body: new URLSearchParams({ decision }) });
}

function newCustomer(companyName: string, tenant: { kind: 'new'; prefix: string } | { kind: 'existing'; domain: string }) {
  return {
    kind: 'new' as const,
    company: {
      companyName,
      address: { country: 'US', line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052' },
      contact: signatory,
    },
    tenant,
  };
}

function newTenantOrder(companyName: string, prefix: string, extra: Partial<OrderRequest> = {}): OrderRequest {
  return { lines, recipient: newCustomer(companyName, { kind: 'new', prefix }), ...extra };
}

/** Opens `url` in a frame of the test page (the mock is on the same origin) once it has loaded. */
async function openInFrame(url: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  await new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
    frame.src = url;
  });
  return frame;
}

/** Clicks the frame's button called `name` and waits for the page the form post answers with. */
async function pressInFrame(frame: HTMLIFrameElement, name: string): Promise<Document> {
  const button = [...frame.contentDocument!.querySelectorAll('button')].find((b) => b.textContent === name);
  expect(button, `a “${name}” button`).to.exist;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  button!.click();
  await loaded;
  return frame.contentDocument!;
}

function pageText(doc: Document): string {
  return doc.body.textContent!.replace(/\s+/g, ' ');
}

/** Polls GET /agreement-acceptances/{id} until `done` holds. */
async function pollAcceptance(mock: TestMock, id: string, done: (r: AcceptanceRequest) => boolean): Promise<AcceptanceRequest> {
  const until = Date.now() + 3000;
  for (;;) {
    const request = await readAcceptance(mock, id);
    if (done(request)) return request;
    if (Date.now() > until) expect.fail(`acceptance never reached the expected state: ${JSON.stringify(request)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

describe('mock backend: agreement acceptance requests', () => {
  it('creates a request from the signatory and the company: a link to the mock’s page, expiring in seven days', async () => {
    const mock = await createTestMock();
    const answer = await call(mock, '/agreement-acceptances', { method: 'POST', json: acceptanceFor('Northwind Traders') });
    expect(answer.status).to.equal(201);
    const created = parse(AcceptanceRequest, answer.body);
    expect(answer.headers.get('location')).to.match(new RegExp(`/agreement-acceptances/${created.id}$`));
    expect(created.status).to.equal('link-generated');
    expect(created.url.startsWith(`${mock.baseUrl}/microsoft/customer-agreement/`)).to.equal(true);
    expect(Date.parse(created.expiresAt) - Date.now()).to.be.closeTo(7 * 24 * 3600_000, 60_000);
    expect(created.acceptedAt).to.be.undefined;
    expect(created.requiredBeforeOrder).to.equal(false);
    expect(created.company).to.deep.equal({ name: 'Northwind Traders', country: 'US', language: 'en' });
    expect(await readAcceptance(mock, created.id)).to.deep.equal(created);
  });

  it('names each invalid field of a request', async () => {
    const mock = await createTestMock();
    const body = { signatory: { firstName: 'Dana', email: 'dana@' }, company: { name: '', country: 'usa', language: 'English' } };
    const problem = expectProblem(await call(mock, '/agreement-acceptances', { method: 'POST', json: body }), 422);
    expect(fieldsOf(problem)).to.have.members(['signatory.lastName', 'signatory.email', 'company.name', 'company.country', 'company.language']);
    expect(messageFor(problem, 'company.language')).to.contain('en or de-DE');
    const badJson = await call(mock, '/agreement-acceptances', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } });
    expect(expectProblem(badJson, 400).code).to.equal('invalid-json');
  });

  it('answers 404 for an unknown request, on every route, and for an unknown link', async () => {
    const mock = await createTestMock();
    for (const [path, method] of [['/agreement-acceptances/mca_nope', 'GET'], ['/agreement-acceptances/mca_nope/link', 'POST'], ['/agreement-acceptances/mca_nope/events', 'GET']]) {
      expect(expectProblem(await call(mock, path!, { method }), 404).code, path).to.equal('acceptance-not-found');
    }
    const page = await call(mock, '/microsoft/customer-agreement/nope');
    expect(page.status).to.equal(404);
    expect(page.body).to.contain('This link is not valid');
  });

  it('gives a link already expired for a company named …Expired… or a signatory expired@…; a new link works and replaces it', async () => {
    const mock = await createTestMock();
    for (const created of [await createAcceptance(mock, 'Expired Widgets Ltd'), await createAcceptance(mock, 'Northwind Traders', { email: 'expired@northwindtraders.com' })]) {
      expect(created.status).to.equal('link-expired');
      expect(Date.parse(created.expiresAt)).to.be.below(Date.now());
      const page = await fetch(created.url);
      expect(page.status).to.equal(410);
      expect(await page.text()).to.contain('This link expired');
      expect((await pressOnPage(created.url, 'accept')).status).to.equal(410);
      expect((await readAcceptance(mock, created.id)).status).to.equal('link-expired');

      const renewed = await call(mock, `/agreement-acceptances/${created.id}/link`, { method: 'POST' });
      expect(renewed.status).to.equal(200);
      const fresh = parse(AcceptanceRequest, renewed.body);
      expect(fresh).to.deep.include({ id: created.id, status: 'link-generated' });
      expect(fresh.url).to.not.equal(created.url);
      expect(Date.parse(fresh.expiresAt)).to.be.above(Date.now());
      expect((await readAcceptance(mock, created.id)).url).to.equal(fresh.url);

      const old = await fetch(created.url);
      expect(old.status).to.equal(410);
      expect(await old.text()).to.contain('replaced by a newer one');
      expect((await fetch(fresh.url)).status).to.equal(200);
    }
  });

  it('lets a link expire after the configured lifetime', async () => {
    const mock = await createTestMock({ acceptanceLinkSeconds: 0.3 });
    const created = await createAcceptance(mock, 'Northwind Traders');
    expect(created.status).to.equal('link-generated');
    expect(Date.parse(created.expiresAt) - Date.now()).to.be.within(0, 300);
    const expired = await pollAcceptance(mock, created.id, (r) => r.status !== 'link-generated');
    expect(expired.status).to.equal('link-expired');
    expect(Date.now()).to.be.at.least(Date.parse(created.expiresAt));
  });

  it('serves the acceptance page with the company and signatory as text, and Accept marks the request accepted', async () => {
    const mock = await createTestMock();
    const hostile = '<img src=x onerror="window.__pwned = 1">Evil & Co "Ltd"';
    const created = await createAcceptance(mock, hostile, { firstName: '<script>window.__pwned = 2</script>', lastName: 'O’Brien' });
    const frame = await openInFrame(created.url);
    frames.push(frame);
    const doc = frame.contentDocument!;
    expect(doc.title).to.equal('Microsoft Customer Agreement — mock');
    expect(doc.querySelector('h1')!.textContent).to.equal('Microsoft Customer Agreement — mock');
    const text = pageText(doc);
    expect(text).to.contain(hostile);
    expect(text).to.contain('<script>window.__pwned = 2</script> O’Brien');
    expect(text).to.contain('dana@northwindtraders.com');
    expect(doc.querySelectorAll('img, script')).to.have.length(0);
    expect((window as { __pwned?: number }).__pwned).to.be.undefined;

    const thanks = await pressInFrame(frame, 'Accept');
    expect(thanks.querySelector('h1')!.textContent).to.equal('Thank you');
    expect(pageText(thanks)).to.contain(`you accepted the Microsoft Customer Agreement for ${hostile}`);
    const [posted] = await mock.requests({ method: 'POST', path: new URL(created.url).pathname.slice(new URL(mock.baseUrl).pathname.length) });
    expect(posted!.headers['content-type']).to.equal('application/x-www-form-urlencoded');
    expect(posted!.body).to.equal('decision=accept');

    const accepted = await readAcceptance(mock, created.id);
    expect(accepted.status).to.equal('customer-accepted');
    expect(Date.parse(accepted.acceptedAt!)).to.be.within(Date.now() - 10_000, Date.now());
    const again = expectProblem(await call(mock, `/agreement-acceptances/${created.id}/link`, { method: 'POST' }), 409);
    expect(again.code).to.equal('already-accepted');
    // The link now says it was accepted, and accepting twice changes nothing.
    expect(await (await fetch(created.url)).text()).to.contain('you accepted');
    expect((await readAcceptance(mock, created.id)).acceptedAt).to.equal(accepted.acceptedAt);
  });

  it('streams the request’s status: the Accept arrives without polling, and the stream ends', async () => {
    const mock = await createTestMock();
    const created = await createAcceptance(mock, 'Northwind Traders');
    const response = await fetch(`${mock.baseUrl}/agreement-acceptances/${created.id}/events`);
    expect(response.headers.get('content-type')).to.contain('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = (await reader.read()).value!;
    expect(text).to.match(/^event: snapshot\ndata: .*"status":"link-generated"/);
    await pressOnPage(created.url, 'accept');
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += value;
    }
    const statuses = [...text.matchAll(/"status":"([a-z-]+)"/g)].map((m) => m[1]);
    expect(statuses).to.deep.equal(['link-generated', 'customer-accepted']);
  });

  it('streams a regenerated link, and answers 404 when the instance has no events', async () => {
    const mock = await createTestMock();
    const created = await createAcceptance(mock, 'Expired Widgets Ltd');
    const controller = new AbortController();
    const response = await fetch(`${mock.baseUrl}/agreement-acceptances/${created.id}/events`, { signal: controller.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).to.contain('"status":"link-expired"');
    const fresh = parse(AcceptanceRequest, (await call(mock, `/agreement-acceptances/${created.id}/link`, { method: 'POST' })).body);
    const next = (await reader.read()).value!;
    expect(next).to.contain('"status":"link-generated"').and.contain(fresh.url);
    controller.abort();

    const polling = await createTestMock({ sse: false });
    const other = await createAcceptance(polling, 'Northwind Traders');
    expect(expectProblem(await call(polling, `/agreement-acceptances/${other.id}/events`), 404).code).to.equal('not-supported');
  });
});

describe('mock backend: orders that reference an acceptance request', () => {
  it('waits on a pending acceptance: the agreement task is action-required with the link, the order waiting, and it completes after Accept', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const acceptance = await createAcceptance(mock, 'Northwind Traders');
    const answer = await placeOrder(mock, newTenantOrder('Northwind Traders', 'northwindtraders', { agreementAcceptanceId: acceptance.id }));
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    const placed = parse(Order, answer.body);
    expect(placed.tasks.map((t) => t.kind)).to.deep.equal(['create-tenant', 'link-reseller', 'record-agreement', 'create-subscription']);
    expect(placed.tasks[2]!.label).to.equal('Record the Microsoft Customer Agreement');

    const waiting = await pollOrder(mock, placed.id, (o) => o.tasks[2]!.status !== 'pending');
    expect(waiting.status).to.equal('waiting');
    expect(waiting.tasks[2]!.status).to.equal('action-required');
    expect(waiting.tasks[2]!.actionUrl).to.equal(acceptance.url);
    expect(waiting.tasks[2]!.detail).to.contain('Dana Whitfield (dana@northwindtraders.com)');
    expect(waiting.tasks[3]!.status).to.equal('pending');
    await new Promise((r) => setTimeout(r, 100)); // 100 simulated seconds later: still waiting on the signatory
    expect(parse(Order, (await call(mock, `/orders/${placed.id}`)).body).status).to.equal('waiting');
    expect((await readAcceptance(mock, acceptance.id)).status).to.equal('link-generated');

    expect((await pressOnPage(acceptance.url, 'accept')).status).to.equal(200);
    const done = await pollOrder(mock, placed.id, (o) => o.status === 'completed' || o.status === 'failed');
    expect(done.status).to.equal('completed');
    expect(done.tasks[2]!.actionUrl).to.be.undefined;
    expect(done.tasks[2]!.detail).to.contain('Accepted by Dana Whitfield');
    expect((await readAcceptance(mock, acceptance.id)).status).to.equal('agreement-created');
  });

  it('sends the Accept to an order’s event stream while it waits', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const acceptance = await createAcceptance(mock, 'Northwind Traders');
    const placed = parse(Order, (await placeOrder(mock, newTenantOrder('Northwind Traders', 'northwindtraders', { agreementAcceptanceId: acceptance.id }))).body);
    await pollOrder(mock, placed.id, (o) => o.status === 'waiting');
    const response = await fetch(`${mock.baseUrl}/orders/${placed.id}/events`);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).to.contain('"status":"waiting"');
    await pressOnPage(acceptance.url, 'accept');
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += value;
    }
    expect(text).to.contain('"status":"completed"');
  });

  it('shows an expired link as such in the task, and the regenerated one once there is one', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const acceptance = await createAcceptance(mock, 'Expired Widgets Ltd');
    const placed = parse(Order, (await placeOrder(mock, newTenantOrder('Expired Widgets Ltd', 'expiredwidgets', { agreementAcceptanceId: acceptance.id }))).body);
    const waiting = await pollOrder(mock, placed.id, (o) => o.status === 'waiting');
    const task = waiting.tasks.find((t) => t.kind === 'record-agreement')!;
    expect(task.actionUrl).to.be.undefined;
    expect(task.detail).to.contain('expired').and.contain('Generate a new one');
    const fresh = parse(AcceptanceRequest, (await call(mock, `/agreement-acceptances/${acceptance.id}/link`, { method: 'POST' })).body);
    const renewed = parse(Order, (await call(mock, `/orders/${placed.id}`)).body).tasks.find((t) => t.kind === 'record-agreement')!;
    expect(renewed.actionUrl).to.equal(fresh.url);
  });

  it('records an acceptance given before the order without waiting', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const acceptance = await createAcceptance(mock, 'Northwind Traders');
    await pressOnPage(acceptance.url, 'accept');
    const placed = parse(Order, (await placeOrder(mock, newTenantOrder('Northwind Traders', 'northwindtraders', { agreementAcceptanceId: acceptance.id }))).body);
    const seen = new Set<string>();
    const done = await pollOrder(mock, placed.id, (o) => {
      seen.add(o.tasks[2]!.status);
      return o.status !== 'provisioning';
    });
    expect(done.status).to.equal('completed');
    expect([...seen]).to.not.include('action-required');
  });

  it('refuses an unknown request, another company’s, and the retired form beside it', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const unknown = expectProblem(await placeOrder(mock, newTenantOrder('Northwind Traders', 'northwindtraders', { agreementAcceptanceId: 'mca_nope' })), 422);
    expect(fieldsOf(unknown)).to.deep.equal(['agreementAcceptanceId']);
    const other = await createAcceptance(mock, 'Tailspin Toys');
    const foreign = expectProblem(await placeOrder(mock, newTenantOrder('Northwind Traders', 'northwindtraders', { agreementAcceptanceId: other.id })), 422);
    expect(messageFor(foreign, 'agreementAcceptanceId')).to.contain('“Tailspin Toys”, not “Northwind Traders”');
    const mine = await createAcceptance(mock, 'Northwind Traders');
    const attest = { templateId: '117a15a0-5a13-4e8d-b9c6-3b1c6c0e5b2f', ...signatory, dateAccepted: '2026-01-05' };
    const both = expectProblem(await placeOrder(mock, newTenantOrder('Northwind Traders', 'northwindtraders', { agreementAcceptanceId: mine.id, agreement: attest })), 422);
    expect(fieldsOf(both)).to.deep.equal(['agreement']);
  });

  it('requires acceptance before the order where the store says so (option) or for a company named …Strict…', async () => {
    const strictStore = await createTestMock({ speed: 1000, acceptanceBeforeOrder: true });
    expect(parse(Agreement, (await call(strictStore, '/agreement')).body).acceptanceRequiredBeforeOrder).to.equal(true);
    const usual = await createTestMock({ speed: 1000 });
    expect(parse(Agreement, (await call(usual, '/agreement')).body).acceptanceRequiredBeforeOrder).to.equal(false);

    for (const [mock, company] of [[strictStore, 'Northwind Traders'], [usual, 'Strict Rules Corp']] as const) {
      const acceptance = await createAcceptance(mock, company);
      expect(acceptance.requiredBeforeOrder, company).to.equal(true);
      const order = newTenantOrder(company, 'strictrules', { agreementAcceptanceId: acceptance.id });
      const refused = expectProblem(await placeOrder(mock, order), 422);
      expect(messageFor(refused, 'agreementAcceptanceId')).to.contain('before the order');
      await pressOnPage(acceptance.url, 'accept');
      expect((await placeOrder(mock, order)).status, company).to.equal(201);
    }
    expect((await createAcceptance(usual, 'Northwind Traders')).requiredBeforeOrder).to.equal(false);
  });

  it('puts an existing customer’s agreement on file once accepted', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const acceptance = await createAcceptance(mock, 'Adatum Corporation');
    const placed = parse(Order, (await placeOrder(mock, { lines, recipient: { kind: 'existing', customerId: ADATUM }, agreementAcceptanceId: acceptance.id })).body);
    expect(placed.tasks.map((t) => t.kind)).to.deep.equal(['record-agreement', 'create-subscription']);
    const adatum = async () => parse(CustomerList, (await call(mock, '/customers?search=Adatum')).body).customers[0]!;
    expect((await adatum()).agreementOnFile).to.equal(false);
    await pressOnPage(acceptance.url, 'accept');
    expect((await adatum()).agreementOnFile).to.equal(true);
    expect((await pollOrder(mock, placed.id, (o) => o.status !== 'provisioning' && o.status !== 'waiting')).status).to.equal('completed');
  });

  it('has a customer that accepted directly in the admin center: on file, nothing to send', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const [wideWorld] = parse(CustomerList, (await call(mock, '/customers?search=Wide%20World')).body).customers;
    expect(wideWorld).to.include({ companyName: 'Wide World Importers', agreementOnFile: true, acceptedDirectly: true });
    const placed = parse(Order, (await placeOrder(mock, { lines, recipient: { kind: 'existing', customerId: wideWorld!.id } })).body);
    expect(placed.tasks.map((t) => t.kind)).to.deep.equal(['create-subscription']);
    // A request sent anyway for a customer with the agreement on file is not used.
    const stray = await createAcceptance(mock, 'Someone Else Ltd');
    const again = parse(Order, (await placeOrder(mock, { lines, recipient: { kind: 'existing', customerId: wideWorld!.id }, agreementAcceptanceId: stray.id })).body);
    expect(again.tasks.map((t) => t.kind)).to.deep.equal(['create-subscription']);
    expect((await readAcceptance(mock, stray.id)).status).to.equal('link-generated');
  });

  it(`refuses the retired attestation with a 422 naming the field once retired (ATTEST_RETIRED is ${ATTEST_RETIRED} by default)`, async () => {
    const attest = { templateId: '117a15a0-5a13-4e8d-b9c6-3b1c6c0e5b2f', ...signatory, dateAccepted: '2026-01-05' };
    const order = newTenantOrder('Northwind Traders', 'northwindtraders', { agreement: attest });
    const retired = await createTestMock({ speed: 1000, attestRetired: true });
    const refused = expectProblem(await placeOrder(retired, order), 422);
    expect(refused.code).to.equal('attestation-retired');
    expect(fieldsOf(refused)).to.deep.equal(['agreement']);
    expect(refused.detail).to.contain('POST /agreement-acceptances').and.contain('agreementAcceptanceId');
    // Without either, the acceptance request is what is missing.
    const missing = expectProblem(await placeOrder(retired, { ...order, agreement: undefined }), 422);
    expect(fieldsOf(missing)).to.deep.equal(['agreementAcceptanceId']);
    const acceptance = await createAcceptance(retired, 'Northwind Traders');
    expect((await placeOrder(retired, { ...order, agreement: undefined, agreementAcceptanceId: acceptance.id })).status).to.equal(201);

    // The flag the checkout flips: an instance made without the option follows it.
    const byDefault = await createTestMock({ speed: 1000 });
    expect((await placeOrder(byDefault, order)).status).to.equal(ATTEST_RETIRED ? 422 : 201);
    const kept = await createTestMock({ speed: 1000, attestRetired: false });
    expect((await placeOrder(kept, order)).status).to.equal(201);
  });
});

describe('mock backend: admin access (GDAP)', () => {
  it('lists role templates, marks the one with Global Administrator, and the nine default roles', async () => {
    const mock = await createTestMock();
    const answer = await call(mock, '/admin-access/templates');
    expect(answer.status).to.equal(200);
    const { templates, defaultRoles } = parse(AdminAccessTemplates, answer.body);
    expect(templates.length).to.be.at.least(3);
    for (const template of templates) {
      const hasGa = template.roles.some((r) => r.name === 'Global Administrator');
      expect(template.includesGlobalAdministrator, template.name).to.equal(hasGa);
      expect(template.description, template.name).to.not.be.empty;
    }
    expect(templates.filter((t) => t.includesGlobalAdministrator).map((t) => t.id)).to.deep.equal(['full']);
    expect(defaultRoles.roles.map((r) => r.name)).to.deep.equal([
      'Directory Readers',
      'Directory Writers',
      'License Administrator',
      'Service Support Administrator',
      'User Administrator',
      'Privileged Role Administrator',
      'Helpdesk Administrator',
      'Privileged Authentication Administrator',
      'Global Reader',
    ]);
    expect(defaultRoles.optOutAllowed).to.equal(true);
    const strict = await createTestMock({ defaultRolesOptOut: false });
    expect(parse(AdminAccessTemplates, (await call(strict, '/admin-access/templates')).body).defaultRoles.optOutAllowed).to.equal(false);
  });

  it('grants a new tenant the default roles as a task, lets it opt out where allowed, and refuses the opt-out elsewhere', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const acceptance = await createAcceptance(mock, 'Northwind Traders');
    await pressOnPage(acceptance.url, 'accept');
    const withRoles = parse(Order, (await placeOrder(mock, newTenantOrder('Northwind Traders', 'northwindtraders', { agreementAcceptanceId: acceptance.id, adminAccess: { defaultRoles: true } }))).body);
    expect(withRoles.tasks.map((t) => t.kind)).to.deep.equal(['create-tenant', 'link-reseller', 'grant-default-roles', 'record-agreement', 'create-subscription']);
    const done = await pollOrder(mock, withRoles.id, (o) => o.status !== 'provisioning');
    expect(done.status).to.equal('completed');
    expect(done.tasks[2]!.detail).to.contain('Directory Readers').and.contain('Global Reader');

    const optedOut = parse(Order, (await placeOrder(mock, newTenantOrder('Tailspin Toys Europe', 'tailspineu', { adminAccess: { defaultRoles: false }, agreement: { templateId: '117a15a0-5a13-4e8d-b9c6-3b1c6c0e5b2f', ...signatory, dateAccepted: '2026-01-05' } }))).body);
    expect(optedOut.tasks.map((t) => t.kind)).to.not.include('grant-default-roles');

    const strict = await createTestMock({ speed: 1000, defaultRolesOptOut: false });
    const refused = expectProblem(await placeOrder(strict, newTenantOrder('Tailspin Toys Europe', 'tailspineu', { adminAccess: { defaultRoles: false } })), 422);
    expect(fieldsOf(refused)).to.include('adminAccess.defaultRoles');
    expect(messageFor(refused, 'adminAccess.defaultRoles')).to.contain('does not allow opting out');
    const existing = expectProblem(await placeOrder(mock, { lines, recipient: { kind: 'existing', customerId: CONTOSO }, adminAccess: { defaultRoles: true } }), 422);
    expect(fieldsOf(existing)).to.deep.equal(['adminAccess.defaultRoles']);
  });

  it('gives an existing tenant’s request its own task and approval link, apart from the reseller relationship; Approve completes it', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const acceptance = await createAcceptance(mock, 'Fabrikam, Inc.');
    await pressOnPage(acceptance.url, 'accept');
    const order = {
      lines,
      recipient: newCustomer('Fabrikam, Inc.', { kind: 'existing', domain: 'fabrikam.onmicrosoft.com' }),
      agreementAcceptanceId: acceptance.id,
      adminAccess: { request: { templateId: 'helpdesk', duration: 'P365D', autoExtend: true } },
    };
    const answer = await placeOrder(mock, order);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    const placed = parse(Order, answer.body);
    expect(placed.tasks.map((t) => t.kind)).to.deep.equal(['accept-relationship', 'record-agreement', 'create-subscription', 'approve-admin-access']);
    expect(placed.tasks[3]!.label).to.equal('Customer approves admin access (GDAP): Helpdesk and licences');
    const relationshipUrl = placed.tasks[0]!.actionUrl!;
    expect(placed.adminAccess).to.deep.include({ status: 'approval-pending', templateId: 'helpdesk', duration: 'P365D', autoExtend: true });
    expect(placed.adminAccess!.roles.map((r) => r.name)).to.include('Helpdesk Administrator');

    const waiting = await pollOrder(mock, placed.id, (o) => o.tasks[3]!.status !== 'pending');
    expect(waiting.status).to.equal('waiting');
    expect(waiting.tasks.map((t) => t.status)).to.deep.equal(['succeeded', 'succeeded', 'succeeded', 'action-required']);
    const gdap = waiting.tasks[3]!;
    expect(gdap.actionUrl).to.equal(waiting.adminAccess!.approvalUrl);
    expect(gdap.actionUrl).to.not.equal(relationshipUrl);
    expect(gdap.actionUrl!.startsWith(`${mock.baseUrl}/microsoft/admin-relationships/`)).to.equal(true);
    expect(gdap.detail).to.contain('Global Administrator of Fabrikam, Inc.').and.contain('not the reseller relationship');

    const frame = await openInFrame(gdap.actionUrl!);
    frames.push(frame);
    const text = pageText(frame.contentDocument!);
    expect(frame.contentDocument!.title).to.equal('Approve admin access — Microsoft 365 admin center mock');
    expect(text).to.contain('Helpdesk Administrator').and.contain('365 days').and.contain('Yes, by 180 days');
    const approved = await pressInFrame(frame, 'Approve');
    expect(approved.querySelector('h1')!.textContent).to.equal('Admin access approved');

    const done = await pollOrder(mock, placed.id, (o) => o.status === 'completed' || o.status === 'failed');
    expect(done.status).to.equal('completed');
    expect(done.adminAccess!.status).to.equal('active');
    expect(done.adminAccess!.approvalUrl).to.be.undefined;
    expect(done.tasks[3]!.detail).to.contain('active for 365 days');
  });

  it('adds only the approval to an existing customer’s order', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const order = { lines, recipient: { kind: 'existing', customerId: CONTOSO }, adminAccess: { request: { templateId: 'read-only', duration: 'P30D', autoExtend: false } } };
    const placed = parse(Order, (await placeOrder(mock, order)).body);
    expect(placed.tasks.map((t) => t.kind)).to.deep.equal(['create-subscription', 'approve-admin-access']);
    const waiting = await pollOrder(mock, placed.id, (o) => o.status === 'waiting');
    expect((await pressOnPage(waiting.adminAccess!.approvalUrl!, 'approve')).status).to.equal(200);
    expect((await pollOrder(mock, placed.id, (o) => o.status === 'completed')).adminAccess!.status).to.equal('active');
  });

  it('refuses auto-extend with Global Administrator, unknown templates, durations past two years, and requests for new tenants', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const request = (r: Record<string, unknown>) => ({ lines, recipient: { kind: 'existing', customerId: CONTOSO }, adminAccess: { request: { templateId: 'helpdesk', duration: 'P730D', autoExtend: false, ...r } } });
    const ga = expectProblem(await placeOrder(mock, request({ templateId: 'full', autoExtend: true })), 422);
    expect(fieldsOf(ga)).to.deep.equal(['adminAccess.request.autoExtend']);
    expect(messageFor(ga, 'adminAccess.request.autoExtend')).to.contain('Global Administrator');
    expect((await placeOrder(mock, request({ templateId: 'full', autoExtend: false }))).status).to.equal(201);
    expect(fieldsOf(expectProblem(await placeOrder(mock, request({ templateId: 'nope' })), 422))).to.deep.equal(['adminAccess.request.templateId']);
    for (const duration of ['P0D', 'P731D', 'P1Y', 'P2W', '30']) {
      const problem = expectProblem(await placeOrder(mock, request({ duration })), 422);
      expect(fieldsOf(problem), duration).to.deep.equal(['adminAccess.request.duration']);
      expect(messageFor(problem, 'adminAccess.request.duration')).to.contain('P1D to P730D');
    }
    for (const duration of ['P1D', 'P90D', 'P730D']) expect((await placeOrder(mock, request({ duration }))).status, duration).to.equal(201);
    const forNewTenant = newTenantOrder('Northwind Traders', 'northwindtraders', { adminAccess: { request: { templateId: 'helpdesk', duration: 'P30D', autoExtend: false } } });
    expect(fieldsOf(expectProblem(await placeOrder(mock, forNewTenant), 422))).to.include('adminAccess.request');
  });
});
