/**
 * The HTTP Partner Center gateway against the simulator: authentication, MS-RequestId kept
 * across retries of 429 (honouring Retry-After), 500 and timeouts, and Partner Center's error
 * codes turned into the store's own errors.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GatewayError, isGatewayError } from '../src/partner-center/gateway.js';
import { HttpPartnerCenter } from '../src/partner-center/http.js';
import { startSimulator, type Simulator } from './helpers.js';
import { POSTAL_CODE_PATTERNS } from '../../src/mock/country-states.data.js';
import { PHONE_PATTERN } from '../../src/mock/resources/country-rules.js';

describe('Partner Center gateway over HTTP', () => {
  let simulator: Simulator;
  let gateway: HttpPartnerCenter;
  before(async () => {
    simulator = await startSimulator({ speed: 1000 });
    gateway = new HttpPartnerCenter({
      baseUrl: simulator.url,
      graphUrl: simulator.url,
      authority: simulator.url,
      tenantId: 'partner',
      clientId: 'app',
      clientSecret: 'secret',
      timeoutMs: 300,
      retries: 3,
      backoffMs: 10,
    });
  });
  after(() => simulator.close());

  const since = () => simulator.requests.length;
  const sent = (from: number, path: string) => simulator.requests.slice(from).filter((r) => r.path === path);

  it('retries a 429 after its Retry-After with the same MS-RequestId', async () => {
    const from = since();
    simulator.inject({ method: 'POST', path: '/v1/validations/address', status: 429, retryAfter: 1, times: 1 });
    const started = Date.now();
    const result = await gateway.validateAddress({ country: 'US', addressLine1: '1 Way', city: 'Redmond', state: 'WA', postalCode: '98052' }, { requestId: 'req-429', correlationId: 'corr-1' });
    assert.equal(result.status, 'verified');
    assert.ok(Date.now() - started >= 950, 'waited for Retry-After');
    const attempts = sent(from, '/v1/validations/address');
    assert.deepEqual(attempts.map((a) => [a.status, a.requestId, a.correlationId]), [
      [429, 'req-429', 'corr-1'],
      [200, 'req-429', 'corr-1'],
    ]);
  });

  it('retries 500s and timeouts with the same MS-RequestId, then gives up with a retryable error', async () => {
    let from = since();
    simulator.inject({ method: 'HEAD', path: '/v1/domains/', status: 500, times: 1 });
    simulator.inject({ method: 'HEAD', path: '/v1/domains/', hang: true, times: 1 });
    assert.equal(await gateway.domainExists('contoso.onmicrosoft.com', { requestId: 'req-500' }), true);
    const attempts = sent(from, '/v1/domains/contoso.onmicrosoft.com');
    assert.equal(attempts.length, 3);
    assert.ok(attempts.every((a) => a.requestId === 'req-500'));

    from = since();
    simulator.inject({ method: 'GET', path: '/v1/agreements', status: 503, times: 4 });
    const error = await gateway.currentAgreement().catch((e: unknown) => e);
    assert.ok(error instanceof GatewayError);
    assert.equal(error.kind, 'unavailable');
    assert.equal(error.retryable, true);
    const tries = sent(from, '/v1/agreements');
    assert.equal(tries.length, 4);
    assert.equal(new Set(tries.map((t) => t.requestId)).size, 1);
  });

  it('maps Partner Center’s error codes and never passes their text on as its message', async () => {
    simulator.inject({ method: 'GET', path: '/v1/customers/relationshiprequests', status: 400, code: '13605', description: 'Customer has not accepted MCA. Raw internal text.' });
    const missing = (await gateway.relationshipRequestUrl().catch((e: unknown) => e)) as GatewayError;
    assert.equal(missing.kind, 'agreement-missing');
    assert.doesNotMatch(missing.message, /Raw internal/);
    assert.match(missing.upstream ?? '', /Raw internal/);

    simulator.inject({ method: 'GET', path: '/v1/customers/relationshiprequests', status: 400, code: '800064', description: 'Duplicate.' });
    assert.equal(((await gateway.relationshipRequestUrl().catch((e: unknown) => e)) as GatewayError).kind, 'duplicate-submission');
    simulator.inject({ method: 'GET', path: '/v1/customers/relationshiprequests', status: 403, code: '2000', description: 'The customer account is under review.' });
    assert.equal(((await gateway.relationshipRequestUrl().catch((e: unknown) => e)) as GatewayError).kind, 'under-review');
  });

  it('treats 600061 (an agreement already on file) as done', async () => {
    simulator.inject({ method: 'POST', path: '/v1/customers/', status: 409, code: '600061', description: 'Agreement already exists.' });
    const customer = await gateway.findCustomerByDomain('contoso.onmicrosoft.com');
    assert.ok(customer);
    await gateway.createAgreement(customer.id, { templateId: 't', firstName: 'A', lastName: 'B', email: 'a@b.example', dateAgreed: '2026-01-01' }, { requestId: 'agr-1' });
  });

  it('reads a country’s rules once: whether a state is required, its default culture, states and patterns', async () => {
    const from = since();
    const ca = await gateway.countryRules('ca');
    assert.deepEqual(
      { ...ca, states: ca.states.slice(0, 3) },
      { stateRequired: true, defaultCulture: 'en-CA', states: ['AB', 'BC', 'MB'], postalCodePattern: POSTAL_CODE_PATTERNS.CA, phonePattern: PHONE_PATTERN },
    );
    assert.equal(ca.states.length, 13);
    assert.deepEqual(await gateway.countryRules('CA'), ca);
    const gb = await gateway.countryRules('GB');
    assert.deepEqual([gb.stateRequired, gb.defaultCulture, gb.states], [false, 'en-GB', []]);
    assert.deepEqual(simulator.requests.slice(from).filter((r) => r.path.startsWith('/v1/countryvalidationrules/')).map((r) => r.path), ['/v1/countryvalidationrules/CA', '/v1/countryvalidationrules/GB']);
    // A code Partner Center does not know is refused, and not remembered: asked again, it asks again.
    const refused = (error: unknown) => isGatewayError(error) && error.kind === 'declined';
    await assert.rejects(gateway.countryRules('ZZ'), refused);
    await assert.rejects(gateway.countryRules('ZZ'), refused);
    assert.equal(simulator.requests.slice(from).filter((r) => r.path === '/v1/countryvalidationrules/ZZ').length, 2);
  });

  it('sends a bearer token it got with client credentials, and a fresh one after a 401', async () => {
    const from = since();
    simulator.inject({ method: 'GET', path: '/v1/agreements', status: 401, code: '400', description: 'Token expired.' });
    const agreement = await gateway.currentAgreement();
    assert.ok(agreement.templateId);
    const tokens = simulator.requests.slice(from).filter((r) => r.path.endsWith('/oauth2/token'));
    assert.equal(tokens.length, 1, 'one new token after the 401');
  });
});
