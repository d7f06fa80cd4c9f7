import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent } from 'storybook/test';
import '../src/components/order-review/order-review.js';
import type { AgreementSummary, QuoteState, RecipientSummary } from '../src/components/order-review/order-review.js';
import type { Catalog, OrderLineInput, Quote, Recipient } from '../src/api/schemas.js';
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

export const NewCustomerWithAgreement: Story = {
  parameters: {
    setup: {
      recipient: { kind: 'new', companyName: 'Tailwind Traders', tenantDomain: 'tailwindtraders.onmicrosoft.com', newTenant: true },
      agreement: { mode: 'attest', signatory: 'Ava Rossi', dateAccepted: '2026-11-16' },
    },
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
