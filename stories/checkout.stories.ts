import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/index.js'; // every element, steps included (checkout.js alone loads steps when shown)
import { FOREVER, createElement, storyBackend, type StoryBackendOptions } from './support/backend.js';
import { deepQuery, inShadow, retype, storyElement, wholeText } from './support/shadow.js';

type Args = Record<string, unknown>;
interface Setup {
  /** Products the host page adds (`addProduct`) as the checkout appears. */
  products?: Array<{ id: string; quantity: number }>;
  backend?: StoryBackendOptions;
}

const STANDARD = { id: 'cfq7ttc0ldpb-0001', quantity: 10 };
const DEFENDER = { id: 'cfq7ttc0hjvm-0001', quantity: 10 };
/** Steps answer after the mock's latency and the look-ups' debounce. */
const SLOW = { timeout: 5000 };

const meta: Meta<Args> = {
  title: 'Checkout/Whole flow',
  component: 'lc-checkout',
  args: {
    'lc-step-change': fn(),
    'lc-cart-change': fn(),
    'lc-order-placed': fn(),
    'lc-error': fn(),
  },
  parameters: { setup: { products: [STANDARD, DEFENDER] } satisfies Setup },
  render: (args, { parameters }) => {
    const setup = parameters['setup'] as Setup;
    const { api } = storyBackend({ speed: 20, ...setup.backend });
    const el = createElement('lc-checkout', args, { api });
    // As a host page's "Add to cart" buttons would; the checkout waits for its catalog.
    for (const product of setup.products ?? []) void el.addProduct(product.id, { quantity: product.quantity }).catch(() => undefined);
    return el;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The step element currently shown inside the checkout (for queries in its shadow root). */
async function currentStep<K extends keyof HTMLElementTagNameMap>(canvasElement: HTMLElement, tag: K): Promise<HTMLElementTagNameMap[K]> {
  const checkout = await storyElement(canvasElement, 'lc-checkout');
  return waitFor(() => {
    const el = deepQuery(checkout.shadowRoot!, tag);
    if (!el?.shadowRoot || (el as HTMLElement).hidden || el.closest('[hidden]')) throw new Error(`<${tag}> is not shown`);
    return el;
  }, SLOW);
}

async function checkoutFromCart(canvasElement: HTMLElement) {
  const cart = inShadow(await currentStep(canvasElement, 'lc-cart'));
  await cart.findByRole('heading', { name: 'Microsoft 365 Business Standard' }, SLOW);
  await userEvent.click(cart.getByRole('button', { name: 'Checkout' }));
}

/** The checkout as a reseller's page shows it, with two products added by the page. */
export const Cart: Story = {};

export const EmptyCart: Story = { parameters: { setup: { products: [] } } };

export const CatalogFailed: Story = {
  parameters: { setup: { products: [], backend: { faults: [{ path: '/catalog', status: 503, times: 99 }] } } },
};

export const CatalogLoading: Story = {
  parameters: { setup: { products: [], backend: { faults: [{ path: '/catalog', delayMs: FOREVER, times: 99 }] } } },
};

/** The checkout in a column of `width`: the order summary follows the checkout's own width. */
function inColumn(width: string): Story['render'] {
  return (args, context) => {
    const column = document.createElement('div');
    column.style.inlineSize = width;
    column.append(meta.render!(args, context) as HTMLElement);
    return column;
  };
}

async function summaryShown(canvasElement: HTMLElement, form: 'section' | 'details') {
  await checkoutFromCart(canvasElement);
  const checkout = await storyElement(canvasElement, 'lc-checkout');
  const summary = await waitFor(() => {
    const el = checkout.shadowRoot!.querySelector('lc-order-summary');
    if (!el?.shadowRoot?.querySelector(`${form}[part~="order-summary"]`)) throw new Error(`no ${form} summary yet`);
    return el;
  }, SLOW);
  await expect(summary.shadowRoot!.querySelector('[part~="summary-total"]')).toBeVisible();
}

/** From the recipient step on, a wide checkout shows the order summary beside the step. */
export const SummaryBesideTheStep: Story = {
  render: inColumn('60rem'),
  play: ({ canvasElement }) => summaryShown(canvasElement, 'section'),
};

/** On a phone the summary sits above the step, collapsed to its total. */
export const SummaryAboveTheStep: Story = {
  render: inColumn('320px'),
  play: ({ canvasElement }) => summaryShown(canvasElement, 'details'),
};

/** For the reseller's own organization: cart → recipient → review → place order → confirmation. */
export const InternalOrder: Story = {
  play: async ({ canvasElement, args, step }) => {
    await step('cart', () => checkoutFromCart(canvasElement));
    await step('recipient: own organization', async () => {
      const recipient = inShadow(await currentStep(canvasElement, 'lc-customer-type'));
      await userEvent.click(await recipient.findByRole('radio', { name: /my own organization/i }));
      await userEvent.click(recipient.getByRole('button', { name: 'Continue' }));
    });
    await step('review with the quote, place the order', async () => {
      const review = inShadow(await currentStep(canvasElement, 'lc-order-review'));
      const place = await review.findByRole('button', { name: 'Place order' }, SLOW);
      // Available once the quote has arrived (aria-disabled, not disabled, keeps focus on it).
      await waitFor(() => expect(place).toHaveAttribute('aria-disabled', 'false'), SLOW);
      await userEvent.click(place);
      await waitFor(() => expect(args['lc-order-placed']).toHaveBeenCalledOnce(), SLOW);
    });
  },
};

/**
 * A new customer: the company form refuses a bad email, is fixed, then a taken tenant prefix
 * is swapped for a suggestion (the default admin roles listed), the acceptance link is created
 * for the primary contact, and the review says the order waits for the acceptance.
 */
export const NewCustomer: Story = {
  play: async ({ canvasElement, step }) => {
    await step('cart', () => checkoutFromCart(canvasElement));
    await step('recipient: a new customer', async () => {
      const recipient = inShadow(await currentStep(canvasElement, 'lc-customer-type'));
      await userEvent.click(await recipient.findByRole('radio', { name: 'A customer I resell to' }));
      await userEvent.click(await recipient.findByRole('radio', { name: 'New customer' }));
      await userEvent.click(recipient.getByRole('button', { name: 'Continue' }));
    });
    await step('company details: a bad email is refused, then fixed', async () => {
      const details = inShadow(await currentStep(canvasElement, 'lc-customer-details'));
      await userEvent.type(await details.findByLabelText(/^Company name/), 'Tailwind Traders');
      await userEvent.selectOptions(details.getByLabelText('Country or region'), 'US');
      await userEvent.type(details.getByLabelText(/^Address line 1/), '1 Microsoft Way');
      await userEvent.type(details.getByLabelText(/^City/), 'Redmond');
      // The United States' words, and its states as a list (the mock's country rules).
      await userEvent.selectOptions(await details.findByRole('combobox', { name: /^State/ }), 'WA');
      await userEvent.type(details.getByLabelText(/^ZIP code/), '98052');
      await userEvent.type(details.getByLabelText(/^First name/), 'Ava');
      await userEvent.type(details.getByLabelText(/^Last name/), 'Rossi');
      await userEvent.type(details.getByLabelText(/^Email/), 'ava.rossi@');
      await userEvent.click(details.getByRole('button', { name: 'Continue' }));
      await expect((await details.findAllByText('Enter an email address like name@example.com.')).length).toBeGreaterThan(0);
      await retype(details.getByLabelText(/^Email/), 'ava.rossi@tailwindtraders.example');
      await userEvent.click(details.getByRole('button', { name: 'Continue' }));
    });
    await step('tenant: contoso is taken, use a suggestion', async () => {
      const tenant = inShadow(await currentStep(canvasElement, 'lc-tenant-domain'));
      await userEvent.type(await tenant.findByLabelText('Domain prefix'), 'contoso');
      const [suggestion] = await tenant.findAllByRole('button', { name: /^Use .*\.onmicrosoft\.com$/ }, SLOW);
      await userEvent.click(suggestion!);
      await tenant.findByText(wholeText(/\.onmicrosoft\.com is available$/), {}, SLOW);
      const access = inShadow(canvasElement.querySelector('lc-checkout')!.shadowRoot!.querySelector('lc-admin-access')!);
      await expect(await access.findByText('Directory Readers', {}, SLOW)).toBeVisible();
      await userEvent.click(tenant.getByRole('button', { name: 'Continue' }));
    });
    await step('agreement: the link for the primary contact', async () => {
      const agreement = inShadow(await currentStep(canvasElement, 'lc-agreement'));
      await userEvent.click(await agreement.findByRole('button', { name: 'Create the acceptance link' }, SLOW));
      await expect(await agreement.findByRole('link', { name: 'Open (new tab)' }, SLOW)).toBeVisible();
      await userEvent.click(agreement.getByRole('button', { name: 'Continue' }));
    });
    await step('review', async () => {
      const review = inShadow(await currentStep(canvasElement, 'lc-order-review'));
      await expect(await review.findByText('Tailwind Traders', { exact: false }, SLOW)).toBeVisible();
      await expect(await review.findByText(wholeText(/^Not accepted yet: the order waits for Ava Rossi/), {}, SLOW)).toBeVisible();
      await expect(await review.findByText('First invoice (before tax)', {}, SLOW)).toBeVisible();
    });
  },
};

/** The whole checkout in the dark theme (toolbar global), so axe checks its contrast too. */
export const DarkTheme: Story = { globals: { theme: 'dark' } };

/** Arabic page direction (RTL) from the toolbar global. */
export const RightToLeft: Story = { globals: { lang: 'ar' } };

/** A reseller's brand theme from the toolbar. */
export const BrandTheme: Story = { globals: { theme: 'fourthcoffee' } };
