/**
 * Fault injection at every endpoint the flow uses (issue 15): the eight kinds of failure a
 * real backend and its network produce, one after the other at one endpoint, in a flow
 * driven like a user. After each: a message on screen, nothing the user entered lost; once
 * the fault clears, the user's own way on (Retry, Place order) leads to a completed order,
 * one order only.
 *
 * One flow per endpoint runs the whole table of kinds, so the suite costs ten flows.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { LcCheckout } from '../src/components/checkout/checkout.js';
import {
  check,
  chooseNew,
  click,
  continueStep,
  control,
  currentStep,
  currentStepUpdate,
  fill,
  agreementRoot,
  hasControl,
  fillCart,
  fillCompany,
  mountCheckout,
  placeOrderButton,
  provisioningOf,
  reviewWithQuote,
  stepRoot,
  text,
  waitForOrderStatus,
  waitForStep,
} from './helpers/flow.js';
import { createTestMock, type Fault, type TestMock } from './helpers/mock.js';

/** Short, so "no answer" costs under a second; no client retries, so each fault meets the user. */
const TIMEOUT = 700;
const apiOptions = { retry: 0, timeout: TIMEOUT };
/** Answered with a TCP reset by the test server (web-test-runner.config.mjs). */
const RESET_HEADER = 'x-test-reset-connection';

type FaultKind = { name: string; fault: Omit<Fault, 'method' | 'path'> };

const KINDS: FaultKind[] = [
  { name: '500', fault: { status: 500 } },
  { name: '503 with Retry-After', fault: { status: 503, headers: { 'retry-after': '1' } } },
  { name: '429 with Retry-After', fault: { status: 429, headers: { 'retry-after': '1' } } },
  {
    name: 'HTML 502 from a load balancer',
    fault: { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>' },
  },
  { name: 'malformed JSON', fault: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id": "x", "lines": [' } },
  { name: 'a body drifted from the contract', fault: { status: 200, body: { data: { items: [] }, version: 2 } } },
  { name: 'no answer (timeout)', fault: { delayMs: TIMEOUT + 1500 } },
  // Eight: a browser silently resends a request whose reused keep-alive connection dies before any
  // byte, once per idle connection (up to six per host); the user retries until all are used up.
  { name: 'reset connection', fault: { status: 200, headers: { [RESET_HEADER]: '1' }, times: 8 } },
];

interface Ctx {
  mock: TestMock;
  el?: LcCheckout;
}

/** One request of the flow: how the user makes it, what must survive its failure, and when it succeeded. */
interface Stage {
  method: string;
  path: string;
  /** The user's action that sends the request (the first time). */
  act(ctx: Ctx): Promise<void>;
  /** The request answered: the flow goes on from here. */
  settle(ctx: Ctx): Promise<void>;
  /** Asserts that what the user entered is still there. */
  kept?(ctx: Ctx): void;
  /** Requests that `act` sends to this endpoint (the checkout and its cart both load the catalog). */
  copies?: number;
}

const COMPANY = 'Resilient Traders Ltd';

function root(ctx: Ctx): ShadowRoot {
  return stepRoot(ctx.el!);
}

function fieldValue(ctx: Ctx, label: string): string {
  return control(root(ctx), label).value;
}

/** Alerts and failure states on screen, in the checkout and in the step shown. */
function failureShown(el: LcCheckout): string {
  const roots = [el.shadowRoot!, currentStep(el).shadowRoot].filter((r): r is ShadowRoot => Boolean(r));
  for (const r of roots) {
    const alert = [...r.querySelectorAll<HTMLElement>('[role="alert"], [data-state="failed"], [part~="connection"]')].find(
      (node) => text(node) !== '' && node.getClientRects().length > 0,
    );
    if (alert) return text(alert);
  }
  return '';
}

/** The retry the user sees: the failure's own button, or Place order on the review. */
async function retry(el: LcCheckout): Promise<void> {
  if (el.step === 'review' && !failureShown(el).match(/invoice could not be calculated/i)) {
    await waitUntil(() => placeOrderButton(el).getAttribute('aria-disabled') === 'false', 'Place order did not come back');
    placeOrderButton(el).click();
    return;
  }
  const find = () =>
    [el.shadowRoot!, currentStep(el).shadowRoot]
      .flatMap((r) => (r ? [...r.querySelectorAll<HTMLButtonElement>('[part~="retry-button"]')] : []))
      .find((b) => !b.disabled && b.getClientRects().length > 0);
  await waitUntil(find, 'no Retry button', { timeout: TIMEOUT + 3000 });
  find()!.click();
}

/** The agreement step filled in, without leaving it (Continue asks for the quote). */
async function signAgreement(el: LcCheckout): Promise<void> {
  const r = await agreementRoot(el);
  await waitUntil(() => hasControl(r, 'First name'), 'the agreement form did not show');
  await fill(r, 'First name', 'Grace');
  await fill(r, 'Last name', 'Hopper');
  await fill(r, 'Email', 'grace@customer.example');
  check(r, /has accepted the Microsoft Customer Agreement/);
  await currentStepUpdate(el);
}

const company = (ctx: Ctx) => expect(fieldValue(ctx, 'Company name')).to.equal(COMPANY);

/** New customer with a new tenant: every endpoint but the customer search and the tenant look-up. */
function newTenantFlow(): Stage[] {
  return [
    {
      method: 'GET',
      path: '/catalog',
      copies: 2,
      act: async (ctx) => {
        ctx.el = await mountCheckout(ctx.mock, apiOptions);
      },
      settle: async (ctx) => {
        await fillCart(ctx.el!);
        await chooseNew(ctx.el!);
        await waitForStep(ctx.el!, 'customer-details');
        await fillCompany(ctx.el!, { companyName: COMPANY });
      },
    },
    {
      method: 'POST',
      path: '/addresses/validate',
      act: (ctx) => continueStep(ctx.el!),
      settle: (ctx) => waitForStep(ctx.el!, 'tenant-domain').then(() => undefined),
      kept: (ctx) => {
        company(ctx);
        expect(fieldValue(ctx, 'Address line 1')).to.equal('1 Main Street');
        expect(fieldValue(ctx, 'Email')).to.equal('ada@tailspin.example');
      },
    },
    {
      method: 'GET',
      path: '/domains/',
      act: (ctx) => fill(root(ctx), 'Domain prefix', `resilient${Date.now() % 100000}`),
      settle: (ctx) => waitUntil(() => /is available/.test(text(root(ctx).querySelector('[part~="availability"]'))), 'never available'),
      kept: (ctx) => expect(fieldValue(ctx, 'Domain prefix')).to.match(/^resilient\d+$/),
    },
    {
      method: 'GET',
      path: '/agreement',
      // The checkout asks for the agreement when its step is reached.
      act: (ctx) => continueStep(ctx.el!),
      settle: (ctx) => signAgreement(ctx.el!),
      kept: (ctx) => expect(ctx.el!.state.company.companyName).to.equal(COMPANY),
    },
    ...reviewAndOrder((summary) => expect(summary).to.contain(COMPANY)),
  ];
}

/** The review and the order, common to every flow. */
function reviewAndOrder(summaryKept: (summary: string) => void): Stage[] {
  const summary = (ctx: Ctx) => summaryKept(text(root(ctx).querySelector('[part~="summary"]')));
  return [
    {
      method: 'POST',
      path: '/quotes',
      act: (ctx) => continueStep(ctx.el!),
      settle: (ctx) => reviewWithQuote(ctx.el!).then(() => undefined),
      kept: summary,
    },
    {
      method: 'POST',
      path: '/orders',
      act: async (ctx) => {
        await reviewWithQuote(ctx.el!);
        placeOrderButton(ctx.el!).click();
      },
      settle: (ctx) => provisioningOf(ctx.el!).then(() => undefined),
      kept: (ctx) => {
        summary(ctx);
        expect(text(root(ctx).querySelector('[part~="line-name"]'))).to.equal('Microsoft 365 E3');
      },
    },
  ];
}

/** New customer whose tenant exists (Fabrikam): the tenant look-up. */
function existingTenantFlow(): Stage[] {
  return [
    {
      method: 'GET',
      path: '/catalog',
      copies: 2,
      act: async (ctx) => {
        ctx.el = await mountCheckout(ctx.mock, apiOptions);
      },
      settle: async (ctx) => {
        const el = ctx.el!;
        await fillCart(el);
        await chooseNew(el);
        await waitForStep(el, 'customer-details');
        await fillCompany(el, { companyName: 'Fabrikam, Inc.' });
        await continueStep(el);
        await waitForStep(el, 'tenant-domain');
        check(root(ctx), 'My customer is already using Microsoft 365');
        await currentStepUpdate(el);
      },
    },
    {
      method: 'GET',
      path: '/tenants/',
      act: (ctx) => fill(root(ctx), 'Default domain', 'fabrikam.onmicrosoft.com'),
      settle: async (ctx) => {
        await waitUntil(() => ctx.el!.state.tenant.lookup?.exists, 'the tenant was not found');
        await continueStep(ctx.el!);
        await signAgreement(ctx.el!);
      },
      kept: (ctx) => expect(fieldValue(ctx, 'Default domain')).to.equal('fabrikam.onmicrosoft.com'),
    },
    ...reviewAndOrder((summary) => expect(summary).to.contain('Fabrikam, Inc.')),
  ];
}

/** An existing customer found by search: the customer search. */
function existingCustomerFlow(): Stage[] {
  return [
    {
      method: 'GET',
      path: '/catalog',
      copies: 2,
      act: async (ctx) => {
        ctx.el = await mountCheckout(ctx.mock, apiOptions);
      },
      settle: async (ctx) => {
        await fillCart(ctx.el!);
        const r = root(ctx);
        check(r, 'A customer I resell to');
        await currentStepUpdate(ctx.el!);
        check(r, 'Existing customer');
        await currentStepUpdate(ctx.el!);
      },
    },
    {
      method: 'GET',
      path: '/customers',
      act: (ctx) => fill(root(ctx), 'Search your customers', 'Contoso'),
      settle: async (ctx) => {
        const r = root(ctx);
        await waitUntil(() => [...r.querySelectorAll('label')].some((l) => /^Contoso Ltd\./.test(text(l))), 'no Contoso in the results');
        check(r, /^Contoso Ltd\./);
        await currentStepUpdate(ctx.el!);
      },
      kept: (ctx) => expect(fieldValue(ctx, 'Search your customers')).to.equal('Contoso'),
    },
    ...reviewAndOrder((summary) => expect(summary).to.contain('Contoso Ltd.')),
  ];
}

/** Runs `flow`, with every kind of fault in turn at the stage for `method path`, then to a completed order. */
async function runWithFaults(flow: Stage[], method: string, path: string): Promise<TestMock> {
  const mock = await createTestMock({ speed: 1000 });
  const ctx: Ctx = { mock };
  const target = flow.find((stage) => stage.method === method && stage.path === path);
  if (!target) throw new Error(`no stage ${method} ${path}`);
  const sent = async () => (await mock.requests({ method })).filter((r) => r.path.startsWith(path)).length;
  for (const stage of flow) {
    if (stage !== target) {
      await stage.act(ctx);
      await stage.settle(ctx);
      continue;
    }
    for (const [index, kind] of KINDS.entries()) {
      const what = `${method} ${path}, ${kind.name}`;
      const before = await sent();
      const times = (kind.fault.times ?? 1) * (index === 0 ? (stage.copies ?? 1) : 1);
      await mock.inject({ method, path, ...kind.fault, times });
      if (index === 0) await stage.act(ctx);
      else await retry(ctx.el!);
      // Every injected answer is used up (a kind of two may need the user to retry once more).
      for (;;) {
        await waitUntil(async () => (await sent()) > before, `${what}: no request was sent`, { timeout: 4000 });
        await waitUntil(() => failureShown(ctx.el!), `${what}: no message on screen (${text(currentStep(ctx.el!).shadowRoot)})`, { timeout: TIMEOUT + 4000 });
        if ((await sent()) - before >= times) break;
        await retry(ctx.el!);
      }
      stage.kept?.(ctx);
    }
    await retry(ctx.el!);
    await stage.settle(ctx);
  }
  const el = ctx.el!;
  await waitForOrderStatus(el, 'completed', 8000);
  // One order: every attempt carried the same idempotency key.
  const orders = await mock.requests({ method: 'POST', path: '/orders' });
  expect(new Set(orders.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
  return mock;
}

const ENDPOINTS: Array<{ method: string; path: string; flow: () => Stage[] }> = [
  { method: 'GET', path: '/catalog', flow: newTenantFlow },
  { method: 'GET', path: '/customers', flow: existingCustomerFlow },
  { method: 'POST', path: '/addresses/validate', flow: newTenantFlow },
  { method: 'GET', path: '/domains/', flow: newTenantFlow },
  { method: 'GET', path: '/tenants/', flow: existingTenantFlow },
  { method: 'GET', path: '/agreement', flow: newTenantFlow },
  { method: 'POST', path: '/quotes', flow: newTenantFlow },
  { method: 'POST', path: '/orders', flow: existingCustomerFlow },
];

describe('faults at every endpoint: a message, nothing lost, and on once the fault clears', function () {
  this.timeout(40000);
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  for (const { method, path, flow } of ENDPOINTS) {
    it(`${method} ${path}: ${KINDS.map((k) => k.name).join(', ')}`, async () => {
      await runWithFaults(flow(), method, path);
    });
  }
});
