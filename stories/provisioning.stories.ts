import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent } from 'storybook/test';
import '../src/components/provisioning/provisioning.js';
import type { Order, OrderRequest, Recipient } from '../src/api/schemas.js';
import { catalog } from '../src/mock/data.js';
import { createElement, storyBackend, type StoryBackendOptions } from './support/backend.js';
import { inShadow, storyElement } from './support/shadow.js';

type Args = Record<string, unknown>;

/** How a story's order is made: placed on a fresh mock, then polled until `until` holds. */
interface Scenario {
  backend?: StoryBackendOptions;
  companyName?: string;
  tenant?: 'new' | 'existing';
  until: (order: Order) => boolean;
  /** Render the snapshot with this connection state. */
  connection?: 'live' | 'reconnecting' | 'offline';
  /** The order for an existing customer instead (seats, a purchase order number). */
  request?: Pick<OrderRequest, 'lines' | 'recipient' | 'purchaseOrder'>;
}

const lines: OrderRequest['lines'] = [
  { productId: 'cfq7ttc0ldpb-0001', term: 'P1Y', billing: 'monthly', quantity: 10 },
  { productId: 'cfq7ttc0hjvm-0001', term: 'P1Y', billing: 'monthly', quantity: 10 },
];

function newCustomer(companyName: string, tenant: 'new' | 'existing'): Recipient {
  return {
    kind: 'new',
    company: {
      companyName,
      address: { country: 'US', line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052' },
      contact: { firstName: 'Ava', lastName: 'Rossi', email: 'ava.rossi@example.com' },
    },
    tenant:
      tenant === 'new'
        ? { kind: 'new', prefix: `tailwind${Math.floor(Math.random() * 1e6)}` }
        : { kind: 'existing', domain: 'fabrikam.onmicrosoft.com' },
  };
}

/** Places the scenario's order on the mock and returns the first snapshot that matches. */
async function orderFor(scenario: Scenario): Promise<Order> {
  const { api } = storyBackend({ latencyMs: 0, ...scenario.backend });
  const agreement = await api.getAgreement();
  const order = scenario.request ? await api.placeOrder(scenario.request) : await api.placeOrder({
    lines,
    recipient: newCustomer(scenario.companyName ?? 'Tailwind Traders', scenario.tenant ?? 'new'),
    ...(agreement.mode === 'attest'
      ? {
          agreement: {
            templateId: agreement.templateId,
            firstName: 'Ava',
            lastName: 'Rossi',
            email: 'ava.rossi@example.com',
            dateAccepted: new Date().toISOString().slice(0, 10),
          },
        }
      : {}),
  });
  let latest = order;
  for (let i = 0; i < 200 && !scenario.until(latest); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    latest = await api.getOrder(order.id);
  }
  if (!scenario.until(latest)) throw new Error(`the mock's order never reached the story's state (last: ${latest.status})`);
  return latest;
}

const meta: Meta<Args> = {
  title: 'Steps/Provisioning',
  component: 'lc-provisioning',
  args: { 'lc-new-order': fn(), 'lc-retry-order': fn() },
  parameters: { scenario: { until: () => true } satisfies Scenario },
  loaders: [async ({ parameters }) => ({ order: await orderFor(parameters['scenario'] as Scenario) })],
  render: (args, { loaded, parameters }) => {
    const scenario = parameters['scenario'] as Scenario;
    return createElement('lc-provisioning', args, { order: loaded['order'] as Order, catalog, ...(scenario.connection ? { connection: scenario.connection } : {}) });
  },
};
export default meta;
type Story = StoryObj<Args>;

const hasTask = (status: string) => (order: Order) => order.tasks.some((task) => task.status === status);

/** Tasks under way (real time: the tenant takes a while), progress and estimate shown. */
export const Running: Story = {
  parameters: { scenario: { backend: { speed: 1 }, until: (o: Order) => o.status === 'provisioning' && hasTask('running')(o) } },
  play: async ({ canvasElement }) => {
    const el = inShadow(await storyElement(canvasElement, 'lc-provisioning'));
    await expect(el.getByRole('progressbar')).toBeInTheDocument();
  },
};

/** "Review" in the company name: Microsoft reviews the new customer; nothing runs, the page may be closed. */
export const Waiting: Story = {
  parameters: { scenario: { companyName: 'Review Traders', backend: { speed: 500 }, until: (o: Order) => o.status === 'waiting' } },
};

/** An existing tenant: the customer must accept the reseller relationship (a link to send). */
export const ActionRequired: Story = {
  parameters: {
    scenario: { companyName: 'Fabrikam, Inc.', tenant: 'existing', backend: { speed: 20 }, until: hasTask('action-required') },
  },
  play: async ({ canvasElement }) => {
    const el = inShadow(await storyElement(canvasElement, 'lc-provisioning'));
    await expect(el.getAllByRole('link').length).toBeGreaterThan(0);
  },
};

/** The agreement accepted by the customer on Microsoft's page (mock `agreementMode: 'customer-accepts'`). */
export const AgreementActionRequired: Story = {
  parameters: {
    scenario: { backend: { speed: 20, agreementMode: 'customer-accepts' }, until: hasTask('action-required') },
  },
};

/**
 * "Fail" in the company name: a subscription task fails after the new tenant was created, so
 * the tenant's administrator is shown once, as on success.
 */
export const Failed: Story = {
  parameters: { scenario: { companyName: 'Fail Traders', backend: { speed: 500 }, until: (o: Order) => o.status === 'failed' } },
  play: async ({ canvasElement }) => {
    const el = inShadow(await storyElement(canvasElement, 'lc-provisioning'));
    await expect(await el.findByText(/temporary password/i)).toBeVisible();
    await expect(el.getByRole('button', { name: 'Copy password' })).toBeVisible();
  },
};

/** A new tenant, done: the first administrator's credentials, shown once, with copy buttons. */
export const SucceededWithCredentials: Story = {
  parameters: { scenario: { backend: { speed: 500 }, until: (o: Order) => o.status === 'completed' } },
  play: async ({ canvasElement, args }) => {
    const el = inShadow(await storyElement(canvasElement, 'lc-provisioning'));
    await expect(await el.findByText(/temporary password/i)).toBeVisible();
    await userEvent.click(el.getByRole('button', { name: /new order/i }));
    await expect(args['lc-new-order']).toHaveBeenCalledOnce();
  },
};

/** The backend cannot be reached for a while: a banner, and the order does not look failed. */
export const Reconnecting: Story = {
  parameters: {
    scenario: { backend: { speed: 1 }, connection: 'reconnecting', until: (o: Order) => o.status === 'provisioning' && hasTask('running')(o) },
  },
};

/**
 * Seats added to an existing customer's subscription and a new one, with a purchase order
 * number: on success, until when each line can be cancelled or reduced, and when it renews.
 */
export const CompletedWithTerms: Story = {
  parameters: {
    scenario: {
      backend: { speed: 500 },
      request: {
        recipient: { kind: 'existing', customerId: 'cst-7f3a2c91' },
        lines: [
          { kind: 'add-seats', subscriptionId: 'sub-c0b9e512', productId: 'cfq7ttc0lckm-0001', term: 'P1Y', billing: 'monthly', quantity: 10 },
          { productId: 'cfq7ttc0lfld-0001', term: 'P1Y', billing: 'annual', quantity: 5, autoRenew: false },
        ],
        purchaseOrder: 'PO-2027-0042',
      },
      until: (o: Order) => o.status === 'completed' || o.status === 'waiting',
    },
  },
  play: async ({ canvasElement }) => {
    const el = inShadow(await storyElement(canvasElement, 'lc-provisioning'));
    await expect(await el.findByText('PO-2027-0042')).toBeVisible();
    await expect(el.getAllByText(/can be cancelled or reduced until/i)).toHaveLength(2);
  },
};
