/**
 * <lc-provisioning> with hand-built order snapshots for each state it shows, and with real
 * orders from the mock backend over HTTP (placed with the client, followed with OrderFollower
 * the way <lc-checkout> wires it) where following matters: a failure, a wait, completion,
 * connection problems. A state the real-time mock passes through is never waited for: on a
 * loaded machine that races it.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { HttpCheckoutApi } from '../src/api/client.js';
import { Order as OrderSchema, type Order, type OrderRequest, type OrderStatus, type ProvisioningTask, type TaskStatus } from '../src/api/schemas.js';
import { OrderFollower, snapshotEvents } from '../src/checkout/order-follower.js';
import { loadOrderRef, saveOrderRef } from '../src/checkout/order-storage.js';
import '../src/components/provisioning/provisioning.js';
import type { LcProvisioning } from '../src/components/provisioning/provisioning.js';
import type { LcNewOrderEvent } from '../src/events/new-order.js';
import type { LcRetryOrderEvent } from '../src/events/retry-order.js';
import { catalog } from '../src/mock/data.js';
import { createTestMock, type TestMock } from './helpers/mock.js';

const E3 = 'cfq7ttc0lfld-0001';
const BASIC = 'cfq7ttc0lh18-0001';
const ACCEPTANCE = {
  templateId: '117a15a0-5a13-4e8d-b9c6-3b1c6c0e5b2f',
  firstName: 'Dana',
  lastName: 'Whitfield',
  email: 'dana@example.com',
  dateAccepted: '2026-01-05',
};
const LINES: OrderRequest['lines'] = [
  { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 25 },
  { productId: BASIC, term: 'P1M', billing: 'monthly', quantity: 3 },
];

let counter = 0;
function company(companyName: string) {
  return {
    companyName,
    address: { country: 'US', line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98101' },
    contact: { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@example.com' },
  };
}
function newTenantOrder(companyName: string): OrderRequest {
  const prefix = `t${Date.now() % 1_000_000}${counter++}`;
  return {
    lines: LINES,
    recipient: { kind: 'new', company: company(companyName), tenant: { kind: 'new', prefix } },
    agreement: ACCEPTANCE,
  };
}

const apiFor = (mock: TestMock) => new HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: 0 });

// Hand-built snapshots, shaped as the mock sends them, for the tests that need a given state:
// waiting for the real-time mock to pass through a state races it on a loaded machine.
const T0 = Date.parse('2026-12-16T09:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
type TaskSpec = Omit<ProvisioningTask, 'id'>;

function snapshot(status: OrderStatus, tasks: TaskSpec[], extra: Partial<Order> = {}): Order {
  const done = tasks.filter((t) => t.status === 'succeeded').length;
  return {
    id: 'ord_0000000snapshot',
    status,
    createdAt: at(0),
    updatedAt: at(90),
    recipient: { kind: 'new', companyName: 'Northwind Traders', domain: 'northwind.onmicrosoft.com' },
    currency: 'USD',
    lines: LINES,
    firstInvoiceTotal: 90600,
    tasks: tasks.map((t, i) => ({ id: `task_${i + 1}`, ...t })),
    progress: Math.round((done / tasks.length) * 100) / 100,
    ...extra,
  };
}

/** The tasks of a new tenant's order, each in the status given, in order. */
function newTenantTasks(...statuses: TaskStatus[]): TaskSpec[] {
  const tasks: TaskSpec[] = [
    { kind: 'create-tenant', label: 'Create tenant northwind.onmicrosoft.com', status: 'pending' },
    { kind: 'link-reseller', label: 'Link Contoso Cloud Partners as the reseller', status: 'pending' },
    { kind: 'record-agreement', label: 'Record the Microsoft Customer Agreement acceptance', status: 'pending' },
    { kind: 'create-subscription', label: 'Create subscription: Microsoft 365 E3 × 25', status: 'pending' },
    { kind: 'create-subscription', label: 'Create subscription: Microsoft 365 Business Basic × 3', status: 'pending' },
  ];
  return tasks.map((t, i) => ({ ...t, status: statuses[i] ?? 'pending' }));
}

const RELATIONSHIP_URL = 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship#/BillingAccounts/partner-invitation';

const SNAPSHOTS = {
  running: snapshot('provisioning', [
    { ...newTenantTasks('running')[0]!, startedAt: at(2), estimatedSeconds: 20, detail: 'Microsoft is creating the tenant and its first administrator.' },
    ...newTenantTasks().slice(1),
  ], { estimatedSecondsRemaining: 40 }),
  'action-required': snapshot(
    'waiting',
    [
      {
        kind: 'accept-relationship',
        label: 'Customer accepts the reseller relationship',
        status: 'action-required',
        detail: 'Send this link to a global administrator of Fabrikam, Inc.: they sign in and accept Contoso Cloud Partners as their reseller.',
        actionUrl: RELATIONSHIP_URL,
      },
      ...newTenantTasks().slice(2),
    ],
    { recipient: { kind: 'new', companyName: 'Fabrikam, Inc.', domain: 'fabrikam.onmicrosoft.com' } },
  ),
  waiting: snapshot('waiting', [
    ...newTenantTasks('succeeded', 'succeeded', 'succeeded').slice(0, 3),
    {
      kind: 'review-customer',
      label: 'Microsoft reviews the new customer',
      status: 'waiting',
      detail: 'Microsoft is verifying the new customer’s details. This usually takes one to two business days.',
    },
    ...newTenantTasks().slice(3),
  ]),
  failed: snapshot(
    'failed',
    newTenantTasks('succeeded', 'succeeded', 'succeeded', 'failed', 'pending').map((t, i) =>
      i === 3
        ? { ...t, detail: 'Microsoft declined the subscription: the offer is temporarily unavailable for this tenant (error 800002).' }
        : i === 4
          ? { ...t, detail: 'Not started because an earlier task failed.' }
          : t,
    ),
    { retryable: true },
  ),
  completed: snapshot('completed', newTenantTasks('succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded'), {
    estimatedSecondsRemaining: 0,
    credentials: { userName: 'admin@northwind.onmicrosoft.com', temporaryPassword: 'Temp-4821-xQv' },
  }),
} satisfies Record<string, Order>;

function text(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
function part(el: LcProvisioning, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}
function parts(el: LcProvisioning, name: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}
function rows(el: LcProvisioning): HTMLElement[] {
  return parts(el, 'status-row');
}
function announcement(el: LcProvisioning): string {
  return text(part(el, 'status'));
}

async function mount(order?: Order): Promise<LcProvisioning> {
  return fixture<LcProvisioning>(html`<lc-provisioning lang="en" .order=${order}></lc-provisioning>`);
}

async function show(el: LcProvisioning, order: Order): Promise<void> {
  el.order = order;
  await el.updateComplete;
}

/** Wires an OrderFollower into the element the way <lc-checkout> does; collects the public events. */
function follow(el: LcProvisioning, mock: TestMock, id: string, api = apiFor(mock)) {
  const events: Event[] = [];
  for (const type of ['lc-provisioning-progress', 'lc-order-complete', 'lc-order-failed', 'lc-new-order', 'lc-retry-order']) {
    el.addEventListener(type, (e) => events.push(e));
  }
  const follower = new OrderFollower(el, {
    api: () => api,
    onSnapshot: (order) => {
      const previous = el.order;
      el.order = order;
      for (const event of snapshotEvents(previous, order)) el.dispatchEvent(event);
    },
    onConnectionChange: (state) => (el.connection = state),
    pollDelays: { initial: 15, max: 60 },
  });
  saveOrderRef(mock.baseUrl, { orderId: id });
  follower.follow(id);
  return { follower, events };
}

/** Replaces the clipboard's writeText for one test. */
function stubClipboard(fail = false): { copied: string[]; restore(): void } {
  const copied: string[] = [];
  const clipboard = navigator.clipboard as Clipboard & { writeText: Clipboard['writeText'] };
  clipboard.writeText = async (value: string) => {
    if (fail) throw new DOMException('denied', 'NotAllowedError');
    copied.push(value);
  };
  return { copied, restore: () => delete (clipboard as { writeText?: unknown }).writeText };
}

describe('<lc-provisioning>', () => {
  let clipboard: ReturnType<typeof stubClipboard> | undefined;

  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    clipboard?.restore();
    clipboard = undefined;
    sessionStorage.clear();
  });

  it('its hand-built snapshots satisfy the order contract, as the mock backend\'s do', () => {
    for (const [name, order] of Object.entries(SNAPSHOTS)) {
      expect(OrderSchema.safeParse(order).error?.issues, name).to.equal(undefined);
    }
  });

  it('is accessible in every state: running, waiting, action-required, failed, completed with credentials, connection lost', async () => {
    const states = Object.entries(SNAPSHOTS);
    const el = await mount();
    await expect(el, 'loading').to.be.accessible();
    for (const [name, order] of states) {
      await show(el, order);
      expect(el.shadowRoot!.querySelector('section')!.dataset.status, name).to.equal(order.status);
      await expect(el, name).to.be.accessible();
    }
    expect(text(part(el, 'password')), 'credentials shown').to.equal(SNAPSHOTS.completed.credentials!.temporaryPassword);
    await show(el, states[0]![1]);
    el.connection = 'reconnecting';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('renders every task state with an icon and words, never colour alone', async () => {
    const { running, 'action-required': action, waiting, failed, completed: succeeded } = SNAPSHOTS;
    const expected: Record<TaskStatus, [string, Order]> = {
      running: ['In progress', running],
      pending: ['Not started yet', running],
      'action-required': ['Action required', action],
      waiting: ['Waiting', waiting],
      failed: ['Failed', failed],
      succeeded: ['Done', succeeded],
    };
    const el = await mount();
    for (const [status, [words, order]] of Object.entries(expected)) {
      await show(el, order);
      expect(rows(el)).to.have.length(order.tasks.length);
      const row = rows(el).find((r) => r.dataset.status === status);
      expect(row, status).to.exist;
      const task = order.tasks[rows(el).indexOf(row!)]!;
      expect(text(row!.querySelector('[part~="task-status"]')), status).to.equal(words);
      expect(text(row), status).to.contain(task.label);
      // A failed task's detail is in the outcome above the list, not repeated in its row.
      if (task.detail && status === 'failed') expect(text(part(el, 'outcome'))).to.contain(task.detail);
      else if (task.detail) expect(text(row!.querySelector('[part~="task-detail"]'))).to.equal(task.detail);
      expect(row!.querySelector('.icon[aria-hidden="true"] svg'), `${status} icon`).to.exist;
      if (status === 'running') expect(row!.getAttribute('aria-current')).to.equal('step');
    }
    const list = part(el, 'tasks')!;
    expect(list.localName).to.equal('ol');
    expect(list.getAttribute('aria-label')).to.equal('Provisioning tasks');
  });

  it('shows progress, a ticking elapsed time and the estimate; the time stops once the order is over', async () => {
    const real = SNAPSHOTS.running;
    const el = await mount(real);
    const bar = part(el, 'progress') as HTMLProgressElement;
    expect(bar.localName).to.equal('progress');
    expect(bar.value).to.equal(Math.round(real.progress * 100));
    expect(bar.labels[0]!.textContent).to.equal('Overall progress');
    expect(text(part(el, 'estimate'))).to.equal('Less than a minute left');
    // One estimate: the intro does not give another ("a few minutes").
    expect(text(el.shadowRoot).match(/minute/gi)).to.have.length(1);

    const now = Date.now();
    const running: Order = { ...real, progress: 0.42, createdAt: new Date(now - 65_000).toISOString(), estimatedSecondsRemaining: 125 };
    await show(el, running);
    expect((part(el, 'progress') as HTMLProgressElement).value).to.equal(42);
    expect(text(el.shadowRoot!.querySelector('.percent'))).to.equal('42% done');
    expect(text(part(el, 'elapsed'))).to.match(/^Elapsed time: 1:0[56]$/);
    expect(text(part(el, 'estimate'))).to.equal('About 2 minutes left');
    const one = await mount({ ...running, estimatedSecondsRemaining: 70 });
    expect(text(part(one, 'estimate'))).to.equal('About 1 minute left');

    const finished: Order = {
      ...real,
      status: 'completed',
      progress: 1,
      createdAt: new Date(now - 200_000).toISOString(),
      updatedAt: new Date(now).toISOString(),
      tasks: real.tasks.map((t) => ({ ...t, status: 'succeeded' as const })),
    };
    const over = await mount(finished);
    expect(text(part(over, 'elapsed'))).to.equal('Took: 3:20');
    expect(part(over, 'estimate')).to.equal(null);
    const before = text(part(el, 'elapsed'));
    // The tick's phase is arbitrary: within two seconds the shown second must have moved.
    await waitUntil(() => text(part(el, 'elapsed')) !== before, 'the elapsed time does not tick', { timeout: 2500 });
    expect(text(part(el, 'elapsed'))).to.match(/^Elapsed time: 1:0[6-8]$/);
    expect(text(part(over, 'elapsed')), 'stopped').to.equal('Took: 3:20');
  });

  it('announces task changes politely, not every progress tick', async () => {
    const first = SNAPSHOTS.running;
    const el = await mount(first);
    const region = part(el, 'status')!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(announcement(el), 'nothing on the first snapshot').to.equal('');
    await show(el, { ...first, progress: first.progress + 0.01, estimatedSecondsRemaining: 1 });
    expect(announcement(el), 'progress alone is not announced').to.equal('');
    const [a, b] = first.tasks;
    await show(el, {
      ...first,
      tasks: first.tasks.map((t, i) => (i === 0 ? { ...t, status: 'succeeded' as const } : i === 1 ? { ...t, status: 'running' as const } : t)),
    });
    expect(announcement(el)).to.equal(`${a!.label}: Done. ${b!.label}: In progress.`);
  });

  it('a Fail order: says what failed and what to tell support, copies the details, offers Try again', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const placed = await apiFor(mock).placeOrder(newTenantOrder('Fail Northwind'));
    const el = await mount();
    const { events } = follow(el, mock, placed.id);
    await waitUntil(() => el.order?.status === 'failed', 'never failed', { timeout: 5000 });
    await el.updateComplete;
    const failedTask = el.order!.tasks.find((t) => t.status === 'failed')!;
    expect(text(part(el, 'step-heading'))).to.equal('Your order could not be completed');
    const outcome = part(el, 'outcome')!;
    expect(text(outcome)).to.contain('What failed');
    expect(text(outcome)).to.contain(failedTask.label);
    expect(text(outcome)).to.contain(failedTask.detail!);
    // Said once: in the outcome, not again in the task's row.
    expect(text(el.shadowRoot).split(failedTask.detail!)).to.have.length(2);
    expect(text(el.shadowRoot).match(/succeed/gi), 'one retry sentence').to.have.length(1);
    // The tenant was created before the failure: its administrator is shown now, as on success.
    const { userName, temporaryPassword } = el.order!.credentials!;
    expect(text(outcome)).to.contain(`The new tenant ${el.order!.recipient.domain} was created before the failure`);
    expect(text(part(el, 'user-name'))).to.equal(userName);
    expect(text(part(el, 'password'))).to.equal(temporaryPassword);
    expect(text(part(el, 'warning'))).to.equal('Copy the password now: it is shown only once and is not stored.');
    expect([...part(el, 'credentials')!.querySelectorAll('[part~="copy-button"]')].map(text)).to.deep.equal(['Copy user name', 'Copy password']);
    expect(events.every((e) => !JSON.stringify(e).includes(temporaryPassword) && !('credentials' in ((e as { order?: object }).order ?? {})))).to.equal(true);
    expect(el.outerHTML).to.not.contain(temporaryPassword);
    const support = part(el, 'support-details')!;
    expect(text(support)).to.contain(placed.id);
    expect(text(support)).to.contain(failedTask.label);
    expect(announcement(el)).to.contain('The order failed.');

    clipboard = stubClipboard();
    const copy = [...outcome.querySelectorAll<HTMLButtonElement>('[part~="copy-button"]')].find((b) => text(b) === 'Copy details')!;
    expect(copy).to.exist;
    copy.click();
    await waitUntil(() => clipboard!.copied.length === 1, 'not copied');
    expect(clipboard.copied[0]).to.contain(`Order ID: ${placed.id}`);
    expect(clipboard.copied[0]).to.contain(failedTask.label);
    await waitUntil(() => announcement(el) === 'Details copied.', 'not announced');

    const failedEvents = events.filter((e) => e.type === 'lc-order-failed');
    expect(failedEvents).to.have.length(1);
    const retry = part(el, 'retry-button')!;
    setTimeout(() => retry.click());
    const request = await oneEvent<LcRetryOrderEvent>(el, 'lc-retry-order');
    expect(request.orderId).to.equal(placed.id);
    expect(request.bubbles && !request.composed).to.equal(true);

    await show(el, { ...el.order!, retryable: false });
    expect(part(el, 'retry-button'), 'no retry unless the backend allows it').to.equal(null);
  });

  it('a Review order: waiting on someone else, says the page can be closed, no failure', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const placed = await apiFor(mock).placeOrder(newTenantOrder('Review Northwind'));
    const el = await mount();
    const { follower, events } = follow(el, mock, placed.id);
    await waitUntil(() => el.order?.status === 'waiting', 'never waiting', { timeout: 5000 });
    await el.updateComplete;
    expect(text(part(el, 'step-heading'))).to.equal('Your order is waiting for someone else');
    expect(text(part(el, 'outcome'))).to.contain('You can close this page safely; the order continues.');
    expect(rows(el).find((r) => r.dataset.status === 'waiting')).to.exist;
    expect(part(el, 'retry-button')).to.equal(null);
    expect(part(el, 'estimate')).to.equal(null);
    expect(events.some((e) => e.type === 'lc-order-failed' || e.type === 'lc-order-complete')).to.equal(false);
    expect(announcement(el)).to.contain('You can close this page');
    follower.stop();
    setTimeout(() => part(el, 'new-order-button')!.click());
    const request = await oneEvent<LcNewOrderEvent>(el, 'lc-new-order');
    expect(request.orderId).to.equal(placed.id);
  });

  it('an existing tenant: the action-required relationship task shows the link to send, with Copy', async () => {
    const order = SNAPSHOTS['action-required'];
    const el = await mount(order);
    const row = rows(el).find((r) => r.dataset.status === 'action-required')!;
    const task = order.tasks.find((t) => t.status === 'action-required')!;
    expect(task.kind).to.equal('accept-relationship');
    const a = row.querySelector<HTMLAnchorElement>('[part~="action-link"]')!;
    expect(a.href).to.equal(task.actionUrl);
    expect(a.target).to.equal('_blank');
    expect(a.rel).to.contain('noopener');
    expect(text(row)).to.contain('Link to send');
    expect(text(part(el, 'outcome'))).to.contain('You can close this page safely');

    clipboard = stubClipboard();
    const copy = row.querySelector<HTMLButtonElement>('[part~="copy-button"]')!;
    expect(text(copy)).to.equal('Copy link');
    copy.click();
    await waitUntil(() => announcement(el) === 'Link copied.', 'not announced');
    expect(clipboard.copied).to.deep.equal([task.actionUrl]);
    await el.updateComplete;
    expect(text(row)).to.contain('Copied');
  });

  it('a waiting order says where the links to send are, and shows each link once, in its task', async () => {
    const real = SNAPSHOTS['action-required'];
    const task = real.tasks.find((t) => t.status === 'action-required')!;
    const el = await mount({ ...real, status: 'waiting' });
    expect(text(part(el, 'outcome'))).to.contain('Send the links in the tasks below to the people who must act.');
    const links = parts(el, 'action-link') as HTMLAnchorElement[];
    expect(links).to.have.length(1);
    expect(text(el.shadowRoot).split(task.actionUrl!), 'the URL written once').to.have.length(2);
    const row = rows(el).find((r) => r.dataset.status === 'action-required')!;
    expect(row.contains(links[0]!)).to.equal(true);
    expect(text(row)).to.contain(task.label);
    expect(text(part(el, 'order-id')!.querySelector('bdi')), 'the order id is isolated').to.equal(real.id);
    // The URL as text, isolated so it keeps its order right to left.
    expect(text(links[0]!.querySelector('bdi'))).to.equal(task.actionUrl);
    await expect(el).to.be.accessible();
  });

  it('makes only http(s) action URLs links: a javascript: or data: URL is shown as text, never as href', async () => {
    const real = SNAPSHOTS['action-required'];
    const withUrl = (actionUrl: string): Order => ({
      ...real,
      tasks: real.tasks.map((task) => (task.status === 'action-required' ? { ...task, actionUrl } : task)),
    });
    const el = await mount(withUrl('javascript:window.__pwned=1'));
    const row = () => rows(el).find((r) => r.dataset.status === 'action-required')!;
    expect(row().querySelector('a')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[href^="javascript"], [href^="data"]')).to.equal(null);
    expect(text(row().querySelector('[part~="action-url"]'))).to.equal('javascript:window.__pwned=1');
    expect(row().querySelector('[part~="copy-button"]')).to.equal(null);
    // Not told to send a link that is not there.
    expect(text(part(el, 'outcome'))).to.not.contain('Send the links');

    await show(el, withUrl('data:text/html,<script>alert(1)</script>'));
    expect(row().querySelector('a')).to.equal(null);
    expect(text(row().querySelector('[part~="action-url"]'))).to.equal('data:text/html,<script>alert(1)</script>');

    await show(el, withUrl('https://admin.microsoft.com/partner-invitation'));
    const a = row().querySelector<HTMLAnchorElement>('[part~="action-link"]')!;
    expect(a.getAttribute('href')).to.equal('https://admin.microsoft.com/partner-invitation');
    expect(row().querySelector('[part~="action-url"]')).to.equal(null);
    expect(text(part(el, 'outcome'))).to.contain('Send the links');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('copies with a fallback when the Clipboard API refuses, and says so when nothing works', async () => {
    const el = await mount(SNAPSHOTS['action-required']);
    clipboard = stubClipboard(true);
    const exec = document.execCommand;
    let copiedText: string | undefined;
    document.execCommand = ((command: string) => {
      copiedText = command === 'copy' ? (el.shadowRoot!.activeElement as HTMLTextAreaElement | null)?.value ?? String(getSelection()) : undefined;
      return command === 'copy';
    }) as typeof document.execCommand;
    try {
      part(el, 'copy-button')!.click();
      await waitUntil(() => announcement(el) === 'Link copied.', 'fallback did not copy');
      expect(copiedText).to.equal(RELATIONSHIP_URL);
      expect(el.shadowRoot!.querySelector('textarea'), 'the helper is gone').to.equal(null);
      document.execCommand = (() => false) as typeof document.execCommand;
      part(el, 'copy-button')!.click();
      await waitUntil(() => announcement(el).startsWith('Could not copy'), 'failure not announced');
    } finally {
      document.execCommand = exec;
    }
  });

  it('customer-accepts agreement: the accept-agreement task is action-required with its link', async () => {
    const [tenant, reseller, , ...subscriptions] = newTenantTasks('succeeded', 'succeeded');
    const acceptAgreement: TaskSpec = {
      kind: 'accept-agreement',
      label: 'Customer accepts the Microsoft Customer Agreement',
      status: 'action-required',
      detail: 'Send this link to a person authorised to sign for Northwind Traders: they sign in and accept the agreement.',
      actionUrl: 'https://admin.microsoft.com/Adminportal/Home#/BillingAccounts/agreements',
    };
    const order = snapshot('waiting', [tenant!, reseller!, acceptAgreement, ...subscriptions]);
    const el = await mount(order);
    const row = rows(el).find((r) => r.dataset.status === 'action-required')!;
    const task = order.tasks.find((t) => t.status === 'action-required')!;
    expect(task.kind).to.equal('accept-agreement');
    expect(text(row)).to.contain(task.label);
    expect(text(row)).to.contain('Action required');
    expect(row.querySelector<HTMLAnchorElement>('[part~="action-link"]')!.href).to.equal(task.actionUrl);
    expect(row.querySelector('[part~="copy-button"]')).to.exist;
  });

  it('completed: summary and the credentials shown once, never in storage, events or attributes', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const placed = await apiFor(mock).placeOrder(newTenantOrder('Northwind Traders'));
    const el = await mount();
    el.catalog = catalog;
    const { events } = follow(el, mock, placed.id);
    await waitUntil(() => el.order?.status === 'completed', 'never completed', { timeout: 5000 });
    await el.updateComplete;
    const { userName, temporaryPassword } = el.order!.credentials!;
    expect(text(part(el, 'step-heading'))).to.equal('Your order is complete');
    const outcome = text(part(el, 'outcome'));
    expect(outcome).to.contain(el.order!.recipient.domain!);
    // What was bought, in words, not the tasks' labels.
    const boughtTerm = [...part(el, 'outcome')!.querySelectorAll('dt')].find((dt) => text(dt) === 'Subscriptions')!;
    const bought = [...boughtTerm.nextElementSibling!.querySelectorAll('li')].map(text);
    expect(bought).to.deep.equal([
      'Microsoft 365 E3: 25 licences, 1-year term, billed monthly',
      'Microsoft 365 Business Basic: 3 licences, 1-month term, billed monthly',
    ]);
    for (const task of el.order!.tasks.filter((t) => t.kind === 'create-subscription')) expect(outcome).to.not.contain(task.label);
    expect(text(part(el, 'user-name'))).to.equal(userName);
    expect(text(part(el, 'password'))).to.equal(temporaryPassword);
    expect(text(part(el, 'warning'))).to.equal('Copy the password now: it is shown only once and is not stored.');

    clipboard = stubClipboard();
    const buttons = parts(el, 'credentials')[0]!.querySelectorAll<HTMLButtonElement>('[part~="copy-button"]');
    expect([...buttons].map(text)).to.deep.equal(['Copy user name', 'Copy password']);
    buttons[1]!.click();
    await waitUntil(() => announcement(el) === 'Password copied.', 'not announced');
    expect(clipboard.copied).to.deep.equal([temporaryPassword]);

    // Never in storage: every key and value of both storages.
    expect(loadOrderRef(mock.baseUrl)).to.deep.equal({ orderId: placed.id });
    for (const store of [sessionStorage, localStorage]) {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i)!;
        expect(key + store.getItem(key)).not.to.contain(temporaryPassword);
        expect(key + store.getItem(key)).not.to.contain(userName);
      }
    }
    // Never in an event: every field of every event fired.
    expect(events.map((e) => e.type)).to.include.members(['lc-provisioning-progress', 'lc-order-complete']);
    for (const event of events) {
      const payload = JSON.stringify(Object.fromEntries(Object.entries(event)));
      expect(payload, event.type).not.to.contain(temporaryPassword);
      expect(payload, event.type).not.to.contain('credentials');
    }
    // Never in an attribute: the host's or any inside the shadow root.
    for (const node of [el, ...el.shadowRoot!.querySelectorAll('*')]) {
      for (const attribute of node.attributes) expect(attribute.value, attribute.name).not.to.contain(temporaryPassword);
    }
    setTimeout(() => part(el, 'new-order-button')!.click());
    const request = await oneEvent<LcNewOrderEvent>(el, 'lc-new-order');
    expect(JSON.stringify(Object.fromEntries(Object.entries(request)))).not.to.contain(temporaryPassword);
  });

  it('shows connection problems as a banner, never as a failed order, and recovers', async () => {
    const mock = await createTestMock({ speed: 1000, sse: false });
    const placed = await apiFor(mock).placeOrder(newTenantOrder('Slow Flaky Ltd'));
    await mock.inject({ method: 'GET', path: `/orders/${placed.id}`, status: 503, times: 3 });
    const el = await mount();
    const seen: string[] = [];
    const { events } = follow(el, mock, placed.id);
    el.addEventListener('lc-order-failed', () => seen.push('failed'));
    await waitUntil(() => part(el, 'connection'), 'no banner');
    expect(text(part(el, 'connection'))).to.contain('Connection lost. Retrying…');
    expect(text(part(el, 'step-heading'))).not.to.contain('could not be completed');
    expect(announcement(el)).to.contain('Connection lost');
    await waitUntil(() => el.order?.status === 'completed', 'never recovered', { timeout: 5000 });
    await el.updateComplete;
    expect(part(el, 'connection')).to.equal(null);
    expect(events.some((e) => e.type === 'lc-order-failed')).to.equal(false);
    expect(seen).to.deep.equal([]);
    el.connection = 'offline';
    await el.updateComplete;
    expect(text(part(el, 'connection'))).to.contain('You are offline');
  });

  it('fits 320 px without horizontal scrolling, left to right and right to left', async () => {
    const { 'action-required': action, completed } = SNAPSHOTS;
    await setViewport({ width: 320, height: 640 });
    try {
      for (const dir of ['ltr', 'rtl']) {
        const el = await fixture<LcProvisioning>(html`<lc-provisioning dir=${dir} style="max-inline-size: 320px" .order=${action}></lc-provisioning>`);
        el.connection = 'reconnecting';
        await el.updateComplete;
        expect(el.scrollWidth, `${dir} action-required`).to.be.at.most(320);
        await show(el, completed);
        expect(el.scrollWidth, `${dir} completed`).to.be.at.most(320);
        expect(el.getBoundingClientRect().width).to.be.at.most(320);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('takes strings from its own property, with the heading focusable', async () => {
    const el = await mount(SNAPSHOTS.running);
    el.strings = { 'provisioning.heading.provisioning': 'Provisionnement en cours', 'provisioning.status.running': 'En cours' };
    await el.updateComplete;
    expect(text(part(el, 'step-heading'))).to.equal('Provisionnement en cours');
    expect(text(rows(el).find((r) => r.dataset.status === 'running')!.querySelector('[part~="task-status"]'))).to.equal('En cours');
    await el.focusHeading();
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'step-heading'));
  });
});
