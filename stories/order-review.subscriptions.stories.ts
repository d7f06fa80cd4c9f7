import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent } from 'storybook/test';
import '../src/components/order-review/order-review.js';
import type { RecipientSummary } from '../src/components/order-review/order-review.js';
import { isApiError } from '../src/api/errors.js';
import type { Catalog, EndDateOption, OrderLineInput, Quote, Recipient, SubscriptionList, Term } from '../src/api/schemas.js';
import { linesWithChoices, type LineChoice, type RecipientSubscriptions } from '../src/checkout/machine-lines.js';
import { createElement, storyBackend } from './support/backend.js';
import { inShadow, retype, storyElement } from './support/shadow.js';

type Args = Record<string, unknown>;

const TODAY = '2027-01-16';
const PREMIUM = 'cfq7ttc0lckm-0001';
const BASIC = 'cfq7ttc0lh18-0001';

/** Whose order, which cart, which choices: the review's new-commerce states, quoted by the mock. */
interface Setup {
  customerId: string;
  companyName: string;
  lines: OrderLineInput[];
  choices?: Record<string, LineChoice>;
  purchaseOrder?: string;
}

interface Loaded {
  catalog: Catalog;
  subscriptions: RecipientSubscriptions;
  quote?: Quote;
  lineErrors?: Record<number, string>;
}

const contosoSeats: Setup = {
  customerId: 'cst-7f3a2c91',
  companyName: 'Contoso Ltd.',
  lines: [{ productId: PREMIUM, term: 'P1Y', billing: 'monthly', quantity: 10 }],
};

const meta: Meta<Args> = {
  title: 'Steps/Order review/Subscriptions',
  component: 'lc-order-review',
  args: { 'lc-place-order': fn(), 'lc-step-input': fn() },
  parameters: { setup: contosoSeats },
  // The customer's subscriptions, allowed end dates and a real quote from the mock, on a fixed day.
  loaders: [
    async ({ parameters }): Promise<Loaded> => {
      const setup = parameters['setup'] as Setup;
      const { api } = storyBackend({ latencyMs: 0, today: TODAY });
      const recipient: Recipient = { kind: 'existing', customerId: setup.customerId };
      const terms = [...new Set(setup.lines.map((line) => line.term))];
      const [catalog, list, ...dates] = await Promise.all([
        api.getCatalog(),
        api.getSubscriptions!(setup.customerId) as Promise<SubscriptionList>,
        ...terms.map((term) => api.getEndDates!(term, { customerId: setup.customerId })),
      ]);
      const endDates: Partial<Record<Term, readonly EndDateOption[]>> = {};
      for (const answer of dates) endDates[answer.term] = answer.endDates;
      const subscriptions: RecipientSubscriptions = { owner: setup.customerId, subscriptions: list.subscriptions, endDates };
      try {
        const quote = await api.createQuote({ lines: linesWithChoices(setup.lines, subscriptions, setup.choices), recipient, startDate: TODAY });
        return { catalog, subscriptions, quote };
      } catch (error) {
        if (!isApiError(error)) throw error;
        const lineErrors = Object.fromEntries(error.fieldErrors.map(({ field, message }) => [Number(field.split('.')[1]), message]));
        return { catalog, subscriptions, lineErrors };
      }
    },
  ],
  render: (args, { parameters, loaded }) => {
    const setup = parameters['setup'] as Setup;
    const { catalog, subscriptions, quote, lineErrors } = loaded as Loaded;
    const recipient: RecipientSummary = { kind: 'existing', companyName: setup.companyName, tenantDomain: `${setup.companyName.split(/[ ,.]/)[0]!.toLowerCase()}.onmicrosoft.com` };
    return createElement('lc-order-review', args, {
      lang: 'en-US',
      lines: setup.lines,
      catalog,
      recipient,
      subscriptions,
      quoteState: quote ? 'ready' : 'error',
      ...(quote ? { quote } : {}),
      ...(lineErrors ? { lineErrors } : {}),
      ...(setup.choices ? { choices: setup.choices } : {}),
      ...(setup.purchaseOrder ? { purchaseOrder: setup.purchaseOrder } : {}),
    });
  },
};
export default meta;
type Story = StoryObj<Args>;

/**
 * Contoso already has Business Premium, one year billed monthly: adding the seats is
 * preselected, prorated to its next billing day, renewing with it; the cancellation deadline.
 */
export const AddSeats: Story = {
  play: async ({ canvasElement }) => {
    const review = inShadow(await storyElement(canvasElement, 'lc-order-review'));
    await expect(await review.findByRole('radio', { name: /add 10 seats to the subscription ending/i })).toBeChecked();
    await expect(await review.findByText(/can be cancelled or reduced until/i)).toBeVisible();
  },
};

/** The same line as a new subscription, ending with the existing one (co-terming); the promotion it does not get. */
export const NewSubscriptionAligned: Story = {
  parameters: { setup: { ...contosoSeats, choices: { [`${PREMIUM}|P1Y|monthly`]: { kind: 'new', endDate: '2027-04-03' } } } },
  play: async ({ canvasElement, args }) => {
    const review = inShadow(await storyElement(canvasElement, 'lc-order-review'));
    await expect(await review.findByRole('radio', { name: /a new subscription/i })).toBeChecked();
    await userEvent.click(review.getByRole('checkbox', { name: /renew automatically/i }));
    await expect(args['lc-step-input']).toHaveBeenCalledOnce();
  },
};

/** Auto-renew off: the line says it ends without renewing. */
export const AutoRenewOff: Story = {
  parameters: { setup: { ...contosoSeats, choices: { [`${PREMIUM}|P1Y|monthly`]: { kind: 'new', autoRenew: false } } } },
};

/** Tailspin Toys has no Business Premium yet: the running promotion applies, with what it saves. */
export const PromotionApplied: Story = {
  parameters: { setup: { customerId: 'cst-9d61f3b2', companyName: 'Tailspin Toys', lines: contosoSeats.lines } },
};

/** Litware holds 285 Business Basic seats of 300: 16 more are refused, the message next to the line. */
export const SeatCapRefused: Story = {
  parameters: { setup: { customerId: 'cst-5c2e9a47', companyName: 'Litware, Inc.', lines: [{ productId: BASIC, term: 'P1Y', billing: 'monthly', quantity: 16 }] } },
};

/** A purchase order number typed: any text, shown as text. */
export const PurchaseOrder: Story = {
  parameters: { setup: { ...contosoSeats, purchaseOrder: 'PO-2027-0042' } },
  play: async ({ canvasElement, args }) => {
    const review = inShadow(await storyElement(canvasElement, 'lc-order-review'));
    const input = await review.findByLabelText(/purchase order number/i);
    await retype(input, '<b>PO</b>');
    await expect(args['lc-step-input']).toHaveBeenCalled();
  },
};
