import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent } from 'storybook/test';
import '../src/components/order-review/order-review.js';
import type { AgreementSummary, QuoteState, RecipientSummary } from '../src/components/order-review/order-review.js';
import type { AcceptanceRequest, Catalog, OrderLineInput, Quote, Recipient } from '../src/api/schemas.js';
import type { AdminAccessSummary } from '../src/checkout/machine.js';
import { createElement, storyBackend } from './support/backend.js';
import { inShadow, storyElement } from './support/shadow.js';

type Args = Record<string, unknown>;

const lines: OrderLineInput[] = [
  { productId: 'cfq7ttc0ldpb-0001', term: 'P1Y', billing: 'monthly', quantity: 10 },
  { productId: 'cfq7ttc0lfld-0001', term: 'P1Y', billing: 'annual', quantity: 25 },
  { productId: 'cfq7ttc0rm8k-0001', term: 'P1M', billing: 'monthly', quantity: 3 },
];
const quoteRecipient: Recipient = { kind: 'existing', customerId: 'cst-7f3a2c91' };
const contoso: RecipientSummary = { kind: 'existing', companyName: 'Contoso Ltd.', tenantDomain: 'contoso.onmicrosoft.com' };

interface Loaded {
  catalog: Catalog;
  quote: Quote;
}

interface Setup {
  quoteState?: QuoteState;
  recipient?: RecipientSummary;
  agreement?: AgreementSummary;
  adminAccess?: AdminAccessSummary;
  submitting?: boolean;
  error?: string;
}

const meta: Meta<Args> = {
  title: 'Steps/Order review',
  component: 'lc-order-review',
  args: { 'lc-place-order': fn(), 'lc-quote-retry': fn(), 'lc-step-edit': fn(), 'lc-step-back': fn() },
  parameters: { setup: {} satisfies Setup },
  // The catalog and a real prorated quote, from the mock backend (a fixed start date keeps
  // the periods the same from day to day).
  loaders: [
    async (): Promise<Loaded> => {
      const { api } = storyBackend({ latencyMs: 0, today: '2026-11-16' });
      const [catalog, quote] = await Promise.all([api.getCatalog(), api.createQuote({ lines, recipient: quoteRecipient, startDate: '2026-11-16' })]);
      return { catalog, quote };
    },
  ],
  render: (args, { parameters, loaded }) => {
    const setup = parameters['setup'] as Setup;
    const { catalog, quote } = loaded as Loaded;
    const quoteState = setup.quoteState ?? 'ready';
    return createElement('lc-order-review', args, {
      lines,
      catalog,
      recipient: setup.recipient ?? contoso,
      quoteState,
      ...(quoteState === 'ready' ? { quote } : {}),
      ...(setup.agreement ? { agreement: setup.agreement } : {}),
      ...(setup.adminAccess ? { adminAccess: setup.adminAccess } : {}),
      ...(setup.submitting ? { submitting: true } : {}),
      ...(setup.error ? { error: setup.error } : {}),
    });
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The prorated quote from the mock, ready to place. */
export const WithQuote: Story = {};

/** "Place order" fires once however fast it is pressed (then waits for the owner). */
export const PlaceOrderOnce: Story = {
  play: async ({ canvasElement, args }) => {
    const review = inShadow(await storyElement(canvasElement, 'lc-order-review'));
    const place = await review.findByRole('button', { name: /place order/i });
    await userEvent.dblClick(place);
    await expect(args['lc-place-order']).toHaveBeenCalledOnce();
  },
};

const tailwind: RecipientSummary = { kind: 'new', companyName: 'Tailwind Traders', tenantDomain: 'tailwindtraders.onmicrosoft.com', newTenant: true };
const acceptance: AcceptanceRequest = {
  id: 'mca_5f1e2d3c',
  status: 'customer-accepted',
  url: 'https://example.com/microsoft/customer-agreement/5f1e2d3c',
  expiresAt: '2026-11-23T09:00:00Z',
  acceptedAt: '2026-11-16T10:30:00Z',
  signatory: { firstName: 'Ava', lastName: 'Rossi', email: 'ava.rossi@tailwindtraders.example' },
};
const defaultRoles = ['Directory Readers', 'License Administrator', 'User Administrator', 'Helpdesk Administrator', 'Global Reader'].map((name, i) => ({ id: `role-${i}`, name }));

/** A new customer who accepted the agreement, and the default admin roles of the tenant the order creates. */
export const NewCustomerWithAgreement: Story = {
  parameters: {
    setup: {
      recipient: tailwind,
      agreement: { acceptance, requiredBeforeOrder: false },
      adminAccess: { kind: 'default-roles', granted: true, roles: defaultRoles },
    },
  },
  play: async ({ canvasElement }) => {
    const review = inShadow(await storyElement(canvasElement, 'lc-order-review'));
    await expect(await review.findByText(/Accepted by/)).toHaveTextContent(/Accepted by Ava Rossi on .*16.*2026/);
    await expect(review.getByText(/Default admin roles for the new tenant/)).toHaveTextContent(/Directory Readers, License Administrator/);
  },
};

/** Not accepted yet: the review says the order will wait for the signatory during provisioning. */
export const AgreementPending: Story = {
  parameters: {
    setup: {
      recipient: tailwind,
      agreement: { acceptance: { ...acceptance, status: 'link-generated', acceptedAt: undefined }, requiredBeforeOrder: false },
      adminAccess: { kind: 'default-roles', granted: false, roles: defaultRoles },
    },
  },
  play: async ({ canvasElement }) => {
    const review = inShadow(await storyElement(canvasElement, 'lc-order-review'));
    await expect(await review.findByText(/Not accepted yet/)).toHaveTextContent('the order waits for Ava Rossi to accept it at the link');
    await expect(review.getByText('No admin roles (opted out)')).toBeVisible();
  },
};

/** An existing customer, with admin access (GDAP) requested: approved at a link after the order. */
export const AdminAccessRequest: Story = {
  parameters: {
    setup: {
      adminAccess: {
        kind: 'request',
        request: { templateId: 'helpdesk', duration: 'P365D', autoExtend: true },
        templateName: 'Helpdesk and licences',
        roles: defaultRoles.slice(1, 4),
        includesGlobalAdministrator: false,
      },
    },
  },
  play: async ({ canvasElement }) => {
    const review = inShadow(await storyElement(canvasElement, 'lc-order-review'));
    await expect(await review.findByText(/Request “Helpdesk and licences” for 365 days, extended automatically/)).toBeVisible();
  },
};

export const Internal: Story = { parameters: { setup: { recipient: { kind: 'internal' } } } };

export const QuoteLoading: Story = { parameters: { setup: { quoteState: 'loading' } } };

export const QuoteFailed: Story = {
  parameters: { setup: { quoteState: 'error' } },
  play: async ({ canvasElement, args }) => {
    const review = inShadow(await storyElement(canvasElement, 'lc-order-review'));
    await userEvent.click(await review.findByRole('button', { name: 'Try again' }));
    await expect(args['lc-quote-retry']).toHaveBeenCalledOnce();
  },
};

export const Submitting: Story = { parameters: { setup: { submitting: true } } };

export const PlacementFailed: Story = {
  parameters: { setup: { error: 'The store could not take the order just now. Nothing was ordered; try again.' } },
};
