import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/components/customer-type/customer-type.js';
import type { CustomerTypeValue } from '../src/components/customer-type/customer-type.js';
import { FOREVER, createElement, storyBackend, type StoryBackendOptions } from './support/backend.js';
import { inShadow, storyElement } from './support/shadow.js';

type Args = Record<string, unknown>;
interface Setup {
  value?: CustomerTypeValue;
  backend?: StoryBackendOptions;
}

const meta: Meta<Args> = {
  title: 'Steps/Customer type',
  component: 'lc-customer-type',
  args: { 'lc-step-input': fn(), 'lc-step-next': fn(), 'lc-step-back': fn() },
  parameters: { setup: {} satisfies Setup },
  render: (args, { parameters }) => {
    const setup = parameters['setup'] as Setup;
    const { api } = storyBackend(setup.backend);
    return createElement('lc-customer-type', args, { api, ...(setup.value ? { value: setup.value } : {}) });
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Nothing chosen yet. */
export const NothingChosen: Story = {};

/** Continue without a choice: the error, left on screen. */
export const MissingChoice: Story = {
  play: async ({ canvasElement }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-customer-type'));
    await userEvent.click(step$.getByRole('button', { name: 'Continue' }));
    await expect((await step$.findAllByText('Choose who this order is for.')).length).toBeGreaterThan(0);
  },
};

/** Continue says what is missing; choosing fixes it and goes on. */
export const ChooseAndContinue: Story = {
  play: async ({ canvasElement, args, step }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-customer-type'));
    await step('Continue without a choice shows the error', async () => {
      await userEvent.click(step$.getByRole('button', { name: 'Continue' }));
      await expect((await step$.findAllByText('Choose who this order is for.')).length).toBeGreaterThan(0);
      await expect(args['lc-step-next']).not.toHaveBeenCalled();
    });
    await step('choose internal use and continue', async () => {
      await userEvent.click(step$.getByRole('radio', { name: /my own organization/i }));
      await waitFor(() => expect(step$.queryByText('Choose who this order is for.')).toBeNull());
      await userEvent.click(step$.getByRole('button', { name: 'Continue' }));
      await expect(args['lc-step-next']).toHaveBeenCalledOnce();
    });
  },
};

export const Internal: Story = { parameters: { setup: { value: { kind: 'internal' } } } };

export const NewCustomer: Story = { parameters: { setup: { value: { kind: 'new' } } } };

/** A customer, existing: the search lists the reseller's customers as typed. */
export const ExistingWithResults: Story = {
  parameters: { setup: { value: { kind: 'existing' } } },
  play: async ({ canvasElement, args }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-customer-type'));
    await userEvent.type(await step$.findByLabelText('Search your customers'), 'Adatum');
    const adatum = await step$.findByRole('radio', { name: /Adatum Corporation/ }, { timeout: 4000 });
    await expect(await step$.findByText('1 customer found.')).toBeInTheDocument();
    await userEvent.click(adatum);
    await userEvent.click(step$.getByRole('button', { name: 'Continue' }));
    await expect(args['lc-step-next']).toHaveBeenCalledOnce();
  },
};

export const ExistingNoResults: Story = {
  parameters: { setup: { value: { kind: 'existing' } } },
  play: async ({ canvasElement }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-customer-type'));
    await userEvent.type(await step$.findByLabelText('Search your customers'), 'Nobody here');
    await expect(await step$.findByText(/No customer matches/, {}, { timeout: 4000 })).toBeVisible();
  },
};

export const ExistingSearchLoading: Story = {
  parameters: { setup: { value: { kind: 'existing' }, backend: { faults: [{ path: '/customers', delayMs: FOREVER, times: 99 }] } } },
  play: async ({ canvasElement }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-customer-type'));
    await expect(await step$.findByText('Searching…', {}, { timeout: 4000 })).toBeInTheDocument();
  },
};

export const ExistingSearchFailed: Story = {
  parameters: { setup: { value: { kind: 'existing' }, backend: { faults: [{ path: '/customers', status: 503, times: 99 }] } } },
  play: async ({ canvasElement }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-customer-type'));
    await expect(await step$.findByText('We could not load your customers.', {}, { timeout: 4000 })).toBeVisible();
    await expect(step$.getByRole('button', { name: 'Retry' })).toBeEnabled();
  },
};
