/**
 * Fault injection at every endpoint the flow uses (issue 15): the eight kinds of failure a
 * real backend and its network produce, one after the other at one endpoint, in a flow
 * driven like a user. After each: a message on screen, nothing the user entered lost; once
 * the fault clears, the user's own way on (Retry, Place order) leads to a completed order,
 * one order only.
 *
 * Three flows cover the ten endpoints, each running the whole table of kinds at several of
 * its stages: three flows, not eighty. Each flow has its own test file (test/faults-*.test.ts),
 * so that they run in parallel and each stays well within the runner's time per file.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { LcCheckout } from '../../src/components/checkout/checkout.js';
import {
  check,
  chooseNew,
  continueStep,
  control,
  currentStep,
  currentStepUpdate,
  fill,
  signAgreement,
  fillCart,
  fillCompany,
  mountCheckout,
  openCustomerSearch,
  placeOrderButton,
  provisioningOf,
  reviewWithQuote,
  stepRoot,
  text,
  waitForOrderStatus,
  waitForStep,
} from './flow.js';
import { clearPageStorage, createTestMock, type Fault, type MockOptions, type TestMock } from './mock.js';

/** Short, so "no answer" costs under a second; no client retries, so each fault meets the user. */
const TIMEOUT = 700;
const apiOptions = { retry: 0, timeout: TIMEOUT };
/** A fault the mock serves, or a TCP reset by the test server (web-test-runner.config.mjs) until the user has seen it. */
type FaultKind = { name: string; fault: Omit<Fault, 'method' | 'path'> } | { name: string; reset: true };

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
  // Kept up until the failure shows: a browser silently resends a request whose reused
  // keep-alive connection dies before any byte, once per idle connection.
  { name: 'reset connection', reset: true },
];

interface Ctx {
  mock: TestMock;
  el?: LcCheckout;
  /** The order id on screen when provisioning first failed to update. */
  orderId?: string;
  /** `lc-error` events of the order's follower: so far, and when the user last retried. */
  followErrors?: { seen: number; atRetry: number };
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
  /** The user's way on after a failure, when it is not a Retry button (or Place order). */
  retry?(ctx: Ctx): Promise<void>;
  /** The failure on screen, when it is not an alert. */
  failure?(ctx: Ctx): string;
}

const COMPANY = 'Resilient Traders Ltd';

function root(ctx: Ctx): ShadowRoot {
  return stepRoot(ctx.el!);
}

function fieldValue(ctx: Ctx, label: string): string {
  return control(root(ctx), label).value;
}

/** Turns the test server's connection resets for `method prefix` on or off; answers how many it reset so far. */
async function resetConnections(method: string, prefix: string, on: boolean): Promise<number> {
  const query = new URLSearchParams({ method, prefix, on: on ? '1' : '0' });
  const response = await fetch(`/__test-resets?${query}`, { method: 'POST' });
  return ((await response.json()) as { count: number }).count;
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

const company = (ctx: Ctx) => expect(fieldValue(ctx, 'Company name')).to.equal(COMPANY);

/** Mounting the checkout loads the catalog (the checkout and its cart both ask); `then` leads on to the next stage. */
function catalogStage(then: (ctx: Ctx) => Promise<void>): Stage {
  return {
    method: 'GET',
    path: '/catalog',
    copies: 2,
    act: async (ctx) => {
      ctx.el = await mountCheckout(ctx.mock, apiOptions);
    },
    settle: then,
  };
}

/** New customer with a new tenant: every endpoint but the customer search and the tenant look-up. */
function newTenantFlow(end?: 'follow the order'): Stage[] {
  return [
    catalogStage(async (ctx) => {
      await fillCart(ctx.el!);
      await chooseNew(ctx.el!);
      await fillCompany(ctx.el!, { companyName: COMPANY });
    }),
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
    ...reviewAndOrder((summary) => expect(summary).to.contain(COMPANY), end),
  ];
}

/** The review and the order, common to every flow; `end` is the stage after the quote. */
function reviewAndOrder(summaryKept: (summary: string) => void, end: 'place order' | 'follow the order' = 'place order'): Stage[] {
  const summary = (ctx: Ctx) => summaryKept(text(root(ctx).querySelector('[part~="summary"]')));
  return [
    {
      method: 'POST',
      path: '/quotes',
      act: (ctx) => continueStep(ctx.el!),
      settle: (ctx) => reviewWithQuote(ctx.el!).then(() => undefined),
      kept: summary,
    },
    end === 'place order'
      ? {
          method: 'POST',
          path: '/orders',
          act: placeOrder,
          settle: (ctx) => provisioningOf(ctx.el!).then(() => undefined),
          kept: (ctx) => {
            summary(ctx);
            expect(text(root(ctx).querySelector('[part~="line-name"]'))).to.equal('Microsoft 365 E3');
          },
        }
      : followTheOrder,
  ];
}

async function placeOrder(ctx: Ctx): Promise<void> {
  await reviewWithQuote(ctx.el!);
  placeOrderButton(ctx.el!).click();
}

/**
 * The order's snapshots (`GET /orders/{id}/events`, then `GET /orders/{id}` when the stream
 * keeps failing or the backend has none): faulted from the first one after Place order. The
 * follower retries on its own with a backoff of seconds; the browser's `online` event (what
 * a device back on the network fires) makes it try at once, so the table runs in little time.
 */
const followTheOrder: Stage = {
  method: 'GET',
  path: '/orders/',
  act: async (ctx) => {
    const errors = { seen: 0, atRetry: 0 };
    ctx.followErrors = errors;
    ctx.el!.addEventListener('lc-error', (e) => {
      if (e.context === 'provisioning') errors.seen += 1;
    });
    await placeOrder(ctx);
  },
  retry: async (ctx) => {
    ctx.followErrors!.atRetry = ctx.followErrors!.seen;
    window.dispatchEvent(new Event('online'));
  },
  // A new failure since the retry (the integrator's lc-error), and the banner saying so.
  failure: (ctx) => {
    const banner = currentStep(ctx.el!).shadowRoot?.querySelector('[part~="connection"][data-connection="reconnecting"]');
    return banner && ctx.followErrors!.seen > ctx.followErrors!.atRetry ? text(banner) : '';
  },
  settle: (ctx) => waitForOrderStatus(ctx.el!, 'completed', 8000).then(() => undefined),
  kept: (ctx) => {
    const shown = text(currentStep(ctx.el!).shadowRoot!.querySelector('[part~="order-id"]'));
    ctx.orderId ??= shown;
    expect(shown).to.equal(ctx.orderId);
    expect(shown).to.not.equal('');
    // A connection problem is never a failed order.
    expect(ctx.el!.state.order?.status).to.not.equal('failed');
  },
};

/** New customer whose tenant exists (Fabrikam): the tenant look-up. */
function existingTenantFlow(end?: 'follow the order'): Stage[] {
  return [
    catalogStage(async (ctx) => {
      const el = ctx.el!;
      await fillCart(el);
      await chooseNew(el);
      await fillCompany(el, { companyName: 'Fabrikam, Inc.' });
      await continueStep(el);
      await waitForStep(el, 'tenant-domain');
      check(root(ctx), 'My customer is already using Microsoft 365');
      await currentStepUpdate(el);
    }),
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
    ...reviewAndOrder((summary) => expect(summary).to.contain('Fabrikam, Inc.'), end),
  ];
}

/** An existing customer found by search: the customer search. */
function existingCustomerFlow(): Stage[] {
  return [
    catalogStage(async (ctx) => {
      await fillCart(ctx.el!);
      await openCustomerSearch(ctx.el!);
    }),
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

/** Runs `flow`, with every kind of fault in turn at each stage named in `targets`, then to a completed order. */
async function runWithFaults(flow: Stage[], targets: string[], mockOptions: MockOptions = {}): Promise<TestMock> {
  const mock = await createTestMock({ speed: 1000, ...mockOptions });
  const ctx: Ctx = { mock };
  const name = (stage: Stage) => `${stage.method} ${stage.path}`;
  const missing = targets.filter((target) => !flow.some((stage) => name(stage) === target));
  if (missing.length) throw new Error(`the flow has no stage ${missing.join(', ')}`);
  for (const stage of flow) {
    if (!targets.includes(name(stage))) {
      await stage.act(ctx);
      await stage.settle(ctx);
      continue;
    }
    const { method, path } = stage;
    const sent = async () => (await mock.requests({ method })).filter((r) => r.path.startsWith(path)).length;
    const failure = () => (stage.failure ? stage.failure(ctx) : failureShown(ctx.el!));
    const retryHere = () => (stage.retry ? stage.retry(ctx) : retry(ctx.el!));
    const prefix = new URL(mock.baseUrl).pathname + path;
    for (const [index, kind] of KINDS.entries()) {
      const what = `${name(stage)}, ${kind.name}`;
      const before = await sent();
      const resetsBefore = await resetConnections(method, prefix, 'reset' in kind);
      // The checkout and its cart both load the catalog: the first action may send two requests.
      const times = 'fault' in kind ? (kind.fault.times ?? 1) * (index === 0 ? (stage.copies ?? 1) : 1) : 0;
      if ('fault' in kind) await mock.inject({ method, path, ...kind.fault, times });
      const arrived = async () =>
        'reset' in kind ? (await resetConnections(method, prefix, true)) > resetsBefore : (await sent()) > before;
      if (index === 0) await stage.act(ctx);
      else await retryHere();
      // Until every injected answer is used up.
      for (;;) {
        await waitUntil(arrived, `${what}: no request was sent`, { timeout: 4000 });
        await waitUntil(failure, `${what}: no message on screen (${text(currentStep(ctx.el!).shadowRoot)})`, { timeout: TIMEOUT + 4000 });
        if ('reset' in kind || (await sent()) - before >= times) break;
        await retryHere();
      }
      if ('reset' in kind) await resetConnections(method, prefix, false);
      stage.kept?.(ctx);
    }
    // The fault has cleared: the same way on now works.
    await retryHere();
    await stage.settle(ctx);
  }
  await waitForOrderStatus(ctx.el!, 'completed', 8000);
  // One order: every attempt carried the same idempotency key.
  const orders = await mock.requests({ method: 'POST', path: '/orders' });
  expect(orders.length).to.be.greaterThan(0);
  expect(new Set(orders.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
  return mock;
}

/** The paths of the order's GET requests: its event stream, or the snapshot itself. */
async function followedBy(mock: TestMock): Promise<Set<string>> {
  const gets = (await mock.requests({ method: 'GET' })).filter((r) => r.path.startsWith('/orders/'));
  return new Set(gets.map((r) => (r.path.endsWith('/events') ? 'GET /orders/{id}/events' : 'GET /orders/{id}')));
}

interface FaultFlow {
  name: string;
  flow: () => Stage[];
  /** The stages (`METHOD path`) that get every kind of fault. */
  targets: string[];
  mock?: MockOptions;
  /** The endpoint the order's snapshots must have come from. */
  follows?: string;
}

/** Three flows cover the ten endpoints the checkout uses. */
export const FAULT_FLOWS = {
  newTenant: {
    name: 'a new customer with a new tenant',
    flow: () => newTenantFlow('follow the order'),
    targets: ['GET /catalog', 'POST /addresses/validate', 'GET /domains/', 'GET /agreement', 'POST /quotes', 'GET /orders/'],
    follows: 'GET /orders/{id}/events',
  },
  existingCustomer: { name: 'an existing customer', flow: existingCustomerFlow, targets: ['GET /customers', 'POST /orders'] },
  existingTenant: {
    name: 'a new customer with an existing tenant, on a backend without event streams',
    flow: () => existingTenantFlow('follow the order'),
    targets: ['GET /tenants/', 'GET /orders/'],
    mock: { sse: false },
    follows: 'GET /orders/{id}',
  },
} satisfies Record<string, FaultFlow>;

/** The suite for one flow: every kind of fault at each of its target stages, then on to a completed order. */
export function faultSuite({ name, flow, targets, mock: options, follows }: FaultFlow): void {
  describe('faults: a message, nothing lost, and on once the fault clears', function () {
    this.timeout(60000);
    beforeEach(() => {
      clearPageStorage();
    });

    it(`${name}: ${KINDS.map((k) => k.name).join(', ')}, at ${targets.join(', ')}`, async () => {
      const mock = await runWithFaults(flow(), targets, options);
      // The faults at GET /orders/ met the endpoint this backend offers.
      if (follows) expect([...(await followedBy(mock))]).to.include(follows);
    });
  });
}
