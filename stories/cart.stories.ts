import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/components/cart/cart.js';
import type { CartLine } from '../src/checkout/cart-store.js';
import { FOREVER, createElement, storyBackend, type StoryBackendOptions } from './support/backend.js';
import { inShadow, retype, storyElement, wholeText } from './support/shadow.js';

const BASIC = 'cfq7ttc0lh18-0001'; // Microsoft 365 Business Basic, 1 to 300 licences
const STANDARD = 'cfq7ttc0ldpb-0001';
const E3 = 'cfq7ttc0lfld-0001';
const TEAMS = 'cfq7ttc0rm8k-0001';
const ENTRA_P1 = 'cfq7ttc0lh2h-0001';

type Args = Record<string, unknown>;
interface Setup {
  lines?: CartLine[];
  backend?: StoryBackendOptions;
}

const meta: Meta<Args> = {
  title: 'Steps/Cart',
  component: 'lc-cart',
  args: { 'lc-cart-change': fn(), 'lc-checkout-request': fn() },
  parameters: { setup: {} satisfies Setup },
  render: (args, { parameters }) => {
    const setup = parameters['setup'] as Setup;
    const { api } = storyBackend(setup.backend);
    return createElement('lc-cart', args, { api, ...(setup.lines ? { lines: setup.lines } : {}) });
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {
  parameters: { setup: { lines: [] } },
  play: async ({ canvasElement }) => {
    const cart = inShadow(await storyElement(canvasElement, 'lc-cart'));
    await expect(await cart.findByText(/your cart is empty/i)).toBeVisible();
    await expect(cart.getByRole('button', { name: 'Checkout' })).toBeDisabled();
  },
};

export const OneLine: Story = {
  parameters: { setup: { lines: [{ productId: STANDARD, term: 'P1Y', billing: 'monthly', quantity: 10 }] } },
  play: async ({ canvasElement }) => {
    const cart = inShadow(await storyElement(canvasElement, 'lc-cart'));
    await expect(await cart.findByRole('heading', { name: 'Microsoft 365 Business Standard' })).toBeVisible();
    // 10 × $12.50 a month.
    await expect(cart.getAllByText(wholeText('$125.00 per month')).length).toBeGreaterThan(0);
  },
};

export const ManyLines: Story = {
  parameters: {
    setup: {
      lines: [
        { productId: STANDARD, term: 'P1Y', billing: 'monthly', quantity: 25 },
        { productId: E3, term: 'P1Y', billing: 'annual', quantity: 120 },
        { productId: TEAMS, term: 'P1M', billing: 'monthly', quantity: 5 },
        { productId: ENTRA_P1, term: 'P1Y', billing: 'annual', quantity: 120 },
      ],
    },
  },
};

/**
 * The quantity at the product's maximum (300 for Business Basic). One more is refused with a
 * message and blocks Checkout; going back to the bound clears it and checks out.
 */
export const QuantityAtItsBound: Story = {
  parameters: { setup: { lines: [{ productId: BASIC, term: 'P1Y', billing: 'monthly', quantity: 300 }] } },
  play: async ({ canvasElement, args, step }) => {
    const el = await storyElement(canvasElement, 'lc-cart');
    const cart = inShadow(el);
    const quantity = await cart.findByLabelText('Quantity');
    await expect(quantity).toHaveValue(300);

    await step('one more than the maximum is an error', async () => {
      await retype(quantity, '301');
      await expect(await cart.findByText('Enter a whole number from 1 to 300.')).toBeVisible();
      await expect(quantity).toHaveAttribute('aria-invalid', 'true');
      await expect(cart.getByRole('button', { name: 'Checkout' })).toBeDisabled();
    });

    await step('back to the bound, Checkout goes on', async () => {
      await retype(quantity, '300');
      await userEvent.tab();
      await waitFor(() => expect(cart.queryByText('Enter a whole number from 1 to 300.')).toBeNull());
      await userEvent.click(cart.getByRole('button', { name: 'Checkout' }));
      await expect(args['lc-checkout-request']).toHaveBeenCalledOnce();
    });
  },
};

/** One over the maximum, left on screen: the message, the marked field, Checkout unavailable. */
export const QuantityOverItsBound: Story = {
  parameters: { setup: { lines: [{ productId: BASIC, term: 'P1Y', billing: 'monthly', quantity: 300 }] } },
  play: async ({ canvasElement }) => {
    const cart = inShadow(await storyElement(canvasElement, 'lc-cart'));
    await retype(await cart.findByLabelText('Quantity'), '301');
    await expect(await cart.findByText('Enter a whole number from 1 to 300.')).toBeVisible();
    await expect(cart.getByRole('button', { name: 'Checkout' })).toBeDisabled();
  },
};

/** The same cart, the minimum bound: 0 is refused. */
export const QuantityBelowMinimum: Story = {
  parameters: { setup: { lines: [{ productId: BASIC, term: 'P1Y', billing: 'monthly', quantity: 1 }] } },
  play: async ({ canvasElement }) => {
    const cart = inShadow(await storyElement(canvasElement, 'lc-cart'));
    const quantity = await cart.findByLabelText('Quantity');
    await retype(quantity, '0');
    await userEvent.tab();
    await expect(await cart.findByText('Enter a whole number from 1 to 300.')).toBeVisible();
  },
};

export const Loading: Story = {
  parameters: { setup: { lines: [], backend: { faults: [{ path: '/catalog', delayMs: FOREVER, times: 99 }] } } },
  play: async ({ canvasElement }) => {
    const cart = inShadow(await storyElement(canvasElement, 'lc-cart'));
    await expect(await cart.findByText('Loading products…')).toBeVisible();
  },
};

export const CatalogFailed: Story = {
  parameters: { setup: { lines: [], backend: { faults: [{ path: '/catalog', status: 503, times: 99 }] } } },
  play: async ({ canvasElement }) => {
    const cart = inShadow(await storyElement(canvasElement, 'lc-cart'));
    await expect(await cart.findByText('The products could not be loaded.')).toBeVisible();
    await expect(cart.getByRole('button', { name: 'Retry' })).toBeEnabled();
  },
};

/** Change the term and billing of a line: the prices follow and `lc-cart-change` reports it. */
export const ChangeTermAndBilling: Story = {
  parameters: { setup: { lines: [{ productId: STANDARD, term: 'P1Y', billing: 'monthly', quantity: 10 }] } },
  play: async ({ canvasElement, args }) => {
    const cart = inShadow(await storyElement(canvasElement, 'lc-cart'));
    await userEvent.selectOptions(await cart.findByLabelText('Billing'), 'annual');
    await expect(args['lc-cart-change']).toHaveBeenCalled();
    // 10 × $142.50 a year (twelve months of $12.50, less 5 % for paying upfront).
    await expect(cart.getAllByText(wholeText('$1,425.00 per year')).length).toBeGreaterThan(0);
  },
};

/**
 * A quantity being typed: the line and cart totals follow at once (the cart takes it on
 * leaving the field); under the line, what each term and billing costs per licence and year.
 */
export const TotalsFollowTyping: Story = {
  parameters: { setup: { lines: [{ productId: STANDARD, term: 'P1Y', billing: 'monthly', quantity: 10 }] } },
  play: async ({ canvasElement, args }) => {
    const cart = inShadow(await storyElement(canvasElement, 'lc-cart'));
    await retype(await cart.findByLabelText('Quantity'), '12');
    // 12 × $12.50 a month, before the field is left.
    await waitFor(() => expect(cart.getAllByText(wholeText('$150.00 per month')).length).toBeGreaterThan(0));
    await expect(args['lc-cart-change']).not.toHaveBeenCalled();
    await expect(cart.getByText('Per licence and year')).toBeVisible();
  },
};
