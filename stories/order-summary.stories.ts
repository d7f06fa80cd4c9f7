import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Catalog, OrderLineInput, Quote, Recipient } from '../src/api/schemas.js';
import '../src/components/order-summary/order-summary.js';
import { createElement, storyBackend } from './support/backend.js';
import { inShadow, storyElement, wholeText } from './support/shadow.js';

type Args = Record<string, unknown>;

const lines: OrderLineInput[] = [
  { productId: 'cfq7ttc0ldpb-0001', term: 'P1Y', billing: 'monthly', quantity: 10 },
  { productId: 'cfq7ttc0lfld-0001', term: 'P1Y', billing: 'annual', quantity: 25 },
  { productId: 'cfq7ttc0rm8k-0001', term: 'P1M', billing: 'monthly', quantity: 3 },
];
const recipient: Recipient = { kind: 'existing', customerId: 'cst-7f3a2c91' };

interface Loaded {
  catalog: Catalog;
  quote: Quote;
}

interface Setup {
  /** Rendered as in a narrow checkout: a `<details>` with the total in its summary. */
  collapsible?: boolean;
  /** The width of the column it sits in. */
  width?: string;
  /** Without the quote: amounts from the catalog, no first invoice yet. */
  unquoted?: boolean;
}

const meta: Meta<Args> = {
  title: 'Checkout/Order summary',
  component: 'lc-order-summary',
  parameters: { setup: {} satisfies Setup },
  // The catalog and a real prorated quote from the mock (a fixed start date keeps it stable).
  loaders: [
    async (): Promise<Loaded> => {
      const { api } = storyBackend({ latencyMs: 0, today: '2026-11-16' });
      const [catalog, quote] = await Promise.all([api.getCatalog(), api.createQuote({ lines, recipient, startDate: '2026-11-16' })]);
      return { catalog, quote };
    },
  ],
  render: (args, { parameters, loaded }) => {
    const setup = parameters['setup'] as Setup;
    const { catalog, quote } = loaded as Loaded;
    const column = document.createElement('div');
    column.style.inlineSize = setup.width ?? '18rem';
    column.append(
      createElement('lc-order-summary', args, {
        lines,
        catalog,
        collapsible: Boolean(setup.collapsible),
        ...(setup.unquoted ? {} : { quote }),
      }),
    );
    return column;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Beside the step on a wide checkout: lines, the total per period and the prorated first invoice. */
export const Wide: Story = {
  play: async ({ canvasElement }) => {
    const summary = inShadow(await storyElement(canvasElement, 'lc-order-summary'));
    await expect(summary.getByRole('heading', { name: 'Order summary' })).toBeVisible();
    await expect(summary.getAllByRole('listitem')).toHaveLength(3);
    await expect(summary.getByText(wholeText(/^First invoice \(prorated\)/))).toBeVisible();
  },
};

/** Before the quote: amounts from the catalog, no first invoice. */
export const WideUnquoted: Story = { parameters: { setup: { unquoted: true } } };

/** Above the step on a phone: closed, its total in view; opens to the lines. */
export const Narrow: Story = {
  parameters: { setup: { collapsible: true, width: '320px' } },
  play: async ({ canvasElement }) => {
    const el = await storyElement(canvasElement, 'lc-order-summary');
    const toggle = el.shadowRoot!.querySelector<HTMLElement>('summary')!;
    await expect(toggle).toHaveTextContent(/Order summary.*per month.*per year/);
    await expect(el.shadowRoot!.querySelector('[part~="summary-line"]')!.checkVisibility()).toBe(false);
  },
};

/** The narrow form opened: the lines and the first invoice below the total. */
export const NarrowOpen: Story = {
  parameters: { setup: { collapsible: true, width: '320px' } },
  play: async ({ canvasElement }) => {
    const el = await storyElement(canvasElement, 'lc-order-summary');
    await userEvent.click(el.shadowRoot!.querySelector<HTMLElement>('summary')!);
    await waitFor(() => expect(el.open).toBe(true));
    await expect(el.shadowRoot!.querySelector('[part~="summary-line"]')!.checkVisibility()).toBe(true);
  },
};
