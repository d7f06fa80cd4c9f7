import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/components/agreement/agreement.js';
import type { AgreementDraft } from '../src/checkout/validate.js';
import { FOREVER, createElement, storyBackend, type StoryBackendOptions } from './support/backend.js';
import { inShadow, storyElement } from './support/shadow.js';

type Args = Record<string, unknown>;
interface Setup {
  value?: Partial<AgreementDraft>;
  backend?: StoryBackendOptions;
}

const meta: Meta<Args> = {
  title: 'Steps/Agreement',
  component: 'lc-agreement',
  args: { customerName: 'Tailwind Traders', 'lc-step-input': fn(), 'lc-step-next': fn(), 'lc-step-back': fn() },
  argTypes: { customerName: { control: 'text' } },
  parameters: { setup: {} satisfies Setup },
  // No `agreement` property: the element loads it from the mock (GET /agreement), whose mode decides the form.
  render: (args, { parameters }) => {
    const setup = parameters['setup'] as Setup;
    const { api } = storyBackend(setup.backend);
    return createElement('lc-agreement', args, { api, ...(setup.value ? { value: setup.value } : {}) });
  },
};
export default meta;
type Story = StoryObj<Args>;

/** `attest` mode: the partner records who accepted and when. */
export const Attest: Story = {};

/** Continue on the empty form shows what is missing; filling it in goes on. */
export const AttestFillAndContinue: Story = {
  play: async ({ canvasElement, args, step }) => {
    const form = inShadow(await storyElement(canvasElement, 'lc-agreement'));
    // The form shows once the agreement has loaded from the mock.
    await form.findByLabelText('First name', {}, { timeout: 4000 });
    await step('Continue on the empty form', async () => {
      await userEvent.click(form.getByRole('button', { name: 'Continue' }));
      await expect(await form.findByText('There is a problem')).toBeVisible();
      await expect(args['lc-step-next']).not.toHaveBeenCalled();
    });
    await step('fill in the signatory and accept', async () => {
      await userEvent.type(form.getByLabelText('First name'), 'Ava');
      await userEvent.type(form.getByLabelText('Last name'), 'Rossi');
      await userEvent.type(form.getByLabelText(/^Email/), 'ava.rossi@tailwindtraders.example');
      await userEvent.click(form.getByRole('checkbox', { name: /has accepted the Microsoft Customer Agreement/ }));
      await userEvent.click(form.getByRole('button', { name: 'Continue' }));
      await waitFor(() => expect(args['lc-step-next']).toHaveBeenCalledOnce());
    });
  },
};

/** `customer-accepts` mode (mock option): nothing to fill in; the customer accepts on Microsoft's page. */
export const CustomerAccepts: Story = {
  parameters: { setup: { backend: { agreementMode: 'customer-accepts' } } },
  play: async ({ canvasElement, args }) => {
    const form = inShadow(await storyElement(canvasElement, 'lc-agreement'));
    await expect(await form.findByText(/accepts the Microsoft Customer Agreement on Microsoft’s own page/, {}, { timeout: 4000 })).toBeVisible();
    await userEvent.click(form.getByRole('button', { name: 'Continue' }));
    await expect(args['lc-step-next']).toHaveBeenCalledOnce();
  },
};

export const Loading: Story = {
  parameters: { setup: { backend: { faults: [{ path: '/agreement', delayMs: FOREVER, times: 99 }] } } },
  play: async ({ canvasElement }) => {
    const form = inShadow(await storyElement(canvasElement, 'lc-agreement'));
    await expect(await form.findByText('Loading the Microsoft Customer Agreement…')).toBeInTheDocument();
  },
};

export const LoadFailed: Story = {
  parameters: { setup: { backend: { faults: [{ path: '/agreement', status: 503, times: 99 }] } } },
  play: async ({ canvasElement }) => {
    const form = inShadow(await storyElement(canvasElement, 'lc-agreement'));
    await expect(await form.findByText('The Microsoft Customer Agreement could not be loaded.', {}, { timeout: 4000 })).toBeVisible();
  },
};

/** A date in the future is refused. */
export const FutureDate: Story = {
  parameters: { setup: { value: { firstName: 'Ava', lastName: 'Rossi', email: 'ava@example.com', accepted: true, dateAccepted: '2999-01-01' } } },
  play: async ({ canvasElement }) => {
    const form = inShadow(await storyElement(canvasElement, 'lc-agreement'));
    await form.findByLabelText('First name', {}, { timeout: 4000 });
    await userEvent.click(form.getByRole('button', { name: 'Continue' }));
    await expect((await form.findAllByText('The date cannot be in the future.')).length).toBeGreaterThan(0);
  },
};
