import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/tags.js';
import { configureTags } from '../src/tags.js';
import { storageKey } from '../src/checkout/cart-store.js';
import { ar } from '../src/i18n/ar.js';
import { de } from '../src/i18n/de.js';
import { createMockBackend, type Fault } from '../src/mock/index.js';
import { FOREVER } from './support/backend.js';
import { inShadow, storyElement } from './support/shadow.js';

const E3 = 'cfq7ttc0lfld-0001';
const BASIC = 'cfq7ttc0lh18-0001';

interface Setup {
  tag: 'lc-add-to-cart' | 'lc-cart-count' | 'lc-price';
  attributes?: Record<string, string>;
  faults?: Fault[];
  /** Lines stored for the story's backend before it renders. */
  stored?: unknown[];
  strings?: Record<string, string>;
}

let stories = 0;

/**
 * Each story gets its own in-page mock under its own base path: the tags keep one catalog
 * per backend per page, so a story's faults must not meet another story's catalog.
 */
function render(setup: Setup, args: Record<string, unknown>): HTMLElement {
  const basePath = `/story-${++stories}`;
  const mock = createMockBackend({ speed: 1, latencyMs: 150, basePath });
  for (const fault of setup.faults ?? []) mock.inject(fault);
  configureTags({ apiOptions: { fetch: mock.fetch } });
  const base = new URL(basePath, document.baseURI).href;
  if (setup.stored) localStorage.setItem(storageKey(base), JSON.stringify({ version: 1, lines: setup.stored }));
  else localStorage.removeItem(storageKey(base));
  const el = document.createElement(setup.tag);
  el.setAttribute('api-base', basePath);
  for (const [name, value] of Object.entries(setup.attributes ?? {})) el.setAttribute(name, value);
  if (setup.strings) (el as { strings?: unknown }).strings = setup.strings;
  if (typeof args['lc-cart-change'] === 'function') el.addEventListener('lc-cart-change', args['lc-cart-change'] as EventListener);
  return el;
}

const meta: Meta = {
  title: 'Product page/Tags',
  args: { 'lc-cart-change': fn() },
  render: (args, { parameters }) => render(parameters['setup'] as Setup, args),
};
export default meta;
type Story = StoryObj;

const add = (attributes: Record<string, string> = { product: E3 }, more: Partial<Setup> = {}) => ({ setup: { tag: 'lc-add-to-cart', attributes, ...more } satisfies Setup });

async function addButton(canvasElement: HTMLElement) {
  const el = await storyElement(canvasElement, 'lc-add-to-cart');
  const button = await inShadow(el).findByRole('button', { name: /Microsoft 365/ });
  return { el, button, status: () => inShadow(el).getByRole('status') };
}

export const AddToCart: Story = {
  parameters: add(),
  play: async ({ canvasElement }) => {
    const { button } = await addButton(canvasElement);
    await expect(button).toHaveAccessibleName('Add to cart Microsoft 365 E3');
    await expect(button).toBeEnabled();
  },
};

export const AddToCartAdded: Story = {
  parameters: add({ product: E3, quantity: '5' }),
  play: async ({ canvasElement, args }) => {
    const { button, status } = await addButton(canvasElement);
    await userEvent.click(button);
    await waitFor(() => expect(status()).toHaveTextContent('Added to cart'));
    await expect(args['lc-cart-change']).toHaveBeenCalledOnce();
  },
};

export const AddToCartAdding: Story = {
  // The catalog is slow: the button waits for it after the click.
  parameters: add({ product: E3 }, { faults: [{ path: '/catalog', delayMs: FOREVER }] }),
  play: async ({ canvasElement }) => {
    const el = await storyElement(canvasElement, 'lc-add-to-cart');
    await userEvent.click(inShadow(el).getByRole('button', { name: 'Add to cart' }));
    await waitFor(() => expect(inShadow(el).getByRole('status')).toHaveTextContent('Adding…'));
  },
};

export const AddToCartFailed: Story = {
  parameters: add({ product: E3 }, { faults: [{ path: '/catalog', status: 503, times: 1000 }] }),
  play: async ({ canvasElement }) => {
    const el = await storyElement(canvasElement, 'lc-add-to-cart');
    await userEvent.click(inShadow(el).getByRole('button', { name: 'Add to cart' }));
    await waitFor(() => expect(inShadow(el).getByRole('status')).toHaveTextContent('Could not add it. Try again.'));
  },
};

export const AddToCartUnavailable: Story = {
  parameters: add({ product: 'no-such-product' }),
  play: async ({ canvasElement }) => {
    const el = await storyElement(canvasElement, 'lc-add-to-cart');
    await waitFor(() => expect(inShadow(el).getByRole('button', { name: 'Add to cart' })).toBeDisabled());
    await expect(inShadow(el).getByRole('status')).toHaveTextContent('Not available');
  },
};

export const AddToCartCustomLabel: Story = {
  parameters: add({ product: BASIC }),
  render: (args, { parameters }) => {
    const el = render(parameters['setup'] as Setup, args);
    el.textContent = 'Buy now';
    return el;
  },
  play: async ({ canvasElement }) => {
    const { button } = await addButton(canvasElement);
    await expect(button).toHaveAccessibleName('Buy now Microsoft 365 Business Basic');
  },
};

const twoLines = [
  { productId: E3, term: 'P1Y', billing: 'monthly', quantity: 25 },
  { productId: BASIC, term: 'P1Y', billing: 'monthly', quantity: 1 },
];

export const CartCount: Story = {
  parameters: { setup: { tag: 'lc-cart-count', attributes: { href: '#checkout' }, stored: twoLines } satisfies Setup },
  play: async ({ canvasElement }) => {
    const el = await storyElement(canvasElement, 'lc-cart-count');
    await expect(await inShadow(el).findByRole('link')).toHaveAccessibleName('Cart 2 products');
  },
};

export const CartCountEmpty: Story = {
  parameters: { setup: { tag: 'lc-cart-count', attributes: { href: '#checkout' } } satisfies Setup },
  play: async ({ canvasElement }) => {
    const el = await storyElement(canvasElement, 'lc-cart-count');
    await expect(await inShadow(el).findByRole('link')).toHaveAccessibleName('Cart 0 products');
  },
};

export const CartCountSeats: Story = {
  parameters: { setup: { tag: 'lc-cart-count', attributes: { href: '#checkout', unit: 'seats' }, stored: twoLines } satisfies Setup },
  play: async ({ canvasElement }) => {
    const el = await storyElement(canvasElement, 'lc-cart-count');
    await expect(await inShadow(el).findByRole('link')).toHaveAccessibleName('Cart 26 licences');
  },
};

const price = (attributes: Record<string, string>, more: Partial<Setup> = {}) => ({ setup: { tag: 'lc-price', attributes, ...more } satisfies Setup });

async function priceText(canvasElement: HTMLElement, text: string) {
  const el = await storyElement(canvasElement, 'lc-price');
  await waitFor(() => expect(el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim()).toBe(text));
}

export const Price: Story = {
  parameters: price({ product: E3 }),
  play: ({ canvasElement }) => priceText(canvasElement, '$36.00 per month'),
};

export const PriceAnnual: Story = {
  parameters: price({ product: E3, term: 'P1Y', billing: 'annual' }),
  play: ({ canvasElement }) => priceText(canvasElement, '$410.40 per year'),
};

export const PriceGerman: Story = {
  parameters: price({ product: E3, lang: 'de-DE' }, { strings: de }),
  play: ({ canvasElement }) => priceText(canvasElement, '36,00 $ pro Monat'),
};

export const PriceArabic: Story = {
  parameters: price({ product: E3, lang: 'ar-EG', dir: 'rtl' }, { strings: ar }),
  play: async ({ canvasElement }) => {
    const el = await storyElement(canvasElement, 'lc-price');
    await waitFor(() => expect(el.shadowRoot!.textContent).toMatch(/٣٦٫٠٠.*شهريًا/));
  },
};

export const PriceLoading: Story = {
  parameters: price({ product: E3 }, { faults: [{ path: '/catalog', delayMs: FOREVER }] }),
  play: ({ canvasElement }) => priceText(canvasElement, 'Loading…'),
};

export const PriceUnavailable: Story = {
  parameters: price({ product: 'no-such-product' }),
  play: ({ canvasElement }) => priceText(canvasElement, 'Not available'),
};
