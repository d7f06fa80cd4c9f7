import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/components/customer-details/customer-details.js';
import type { CompanyDraft } from '../src/components/customer-details/customer-details.js';
import { FOREVER, createElement, storyBackend, type StoryBackendOptions } from './support/backend.js';
import { inShadow, retype, storyElement } from './support/shadow.js';

type Args = Record<string, unknown>;
interface Setup {
  value?: Partial<CompanyDraft>;
  fieldErrors?: Partial<Record<keyof CompanyDraft, string>>;
  backend?: StoryBackendOptions;
}

/** A complete, valid new customer (US address, so a state is needed). */
const tailspin: CompanyDraft = {
  companyName: 'Tailwind Traders',
  country: 'US',
  line1: '1 Microsoft Way',
  line2: '',
  city: 'Redmond',
  state: 'WA',
  postalCode: '98052',
  firstName: 'Ava',
  lastName: 'Rossi',
  email: 'ava.rossi@tailwindtraders.example',
  phone: '+1 425 555 0100',
};

const meta: Meta<Args> = {
  title: 'Steps/Customer details',
  component: 'lc-customer-details',
  args: { 'lc-step-input': fn(), 'lc-step-next': fn(), 'lc-step-back': fn() },
  parameters: { setup: {} satisfies Setup },
  render: (args, { parameters }) => {
    const setup = parameters['setup'] as Setup;
    const { api } = storyBackend(setup.backend);
    const props: Record<string, unknown> = { api };
    if (setup.value) props['value'] = { ...tailspin, ...setup.value };
    if (setup.fieldErrors) props['fieldErrors'] = setup.fieldErrors;
    return createElement('lc-customer-details', args, props);
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};

export const Filled: Story = { parameters: { setup: { value: {} } } };

/** Continue on an empty form: every required field says so; filling them lets it go on. */
export const FieldErrors: Story = {
  play: async ({ canvasElement, args, step }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-customer-details'));
    await step('Continue on the empty form', async () => {
      await userEvent.click(await step$.findByRole('button', { name: 'Continue' }));
      await expect(await step$.findByText('There is a problem')).toBeVisible();
      await expect(step$.getAllByText('Company name is required.').length).toBeGreaterThan(0);
      await expect(args['lc-step-next']).not.toHaveBeenCalled();
    });
    await step('a bad email is named', async () => {
      const email = step$.getByLabelText(/^Email/);
      await retype(email, 'ava@');
      await userEvent.tab();
      await expect((await step$.findAllByText('Enter an email address like name@example.com.')).length).toBeGreaterThan(0);
    });
  },
};

/** Errors the backend reported for fields (problem+json), shown next to the fields. */
export const BackendFieldErrors: Story = {
  parameters: {
    setup: {
      value: {},
      fieldErrors: { companyName: 'This company name is already used by another of your customers.', postalCode: 'Unknown postal code.' },
    },
  },
};

/** Postal code 99999: the mock suggests a corrected address to pick. */
export const AddressSuggestions: Story = {
  parameters: { setup: { value: { postalCode: '99999' } } },
  play: async ({ canvasElement }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-customer-details'));
    await userEvent.click(await step$.findByRole('button', { name: 'Continue' }));
    await expect(await step$.findByText('We found a closer match', {}, { timeout: 4000 })).toBeVisible();
  },
};

/** Postal code 00000: the mock says the address does not exist. */
export const AddressNotValid: Story = {
  parameters: { setup: { value: { postalCode: '00000' } } },
  play: async ({ canvasElement }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-customer-details'));
    await userEvent.click(await step$.findByRole('button', { name: 'Continue' }));
    // The backend's own words name the field.
    await waitFor(() => expect(step$.getAllByText(/00000 does not exist/).length).toBeGreaterThan(0), { timeout: 4000 });
  },
};

export const AddressCheckRunning: Story = {
  parameters: { setup: { value: {}, backend: { faults: [{ path: '/addresses/validate', delayMs: FOREVER }] } } },
  play: async ({ canvasElement }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-customer-details'));
    await userEvent.click(await step$.findByRole('button', { name: 'Continue' }));
    await expect(await step$.findByRole('button', { name: 'Checking address…' })).toHaveAttribute('aria-busy', 'true');
  },
};

export const AddressCheckFailed: Story = {
  parameters: { setup: { value: {}, backend: { faults: [{ path: '/addresses/validate', status: 503 }] } } },
  play: async ({ canvasElement, args }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-customer-details'));
    await userEvent.click(await step$.findByRole('button', { name: 'Continue' }));
    await expect(await step$.findByText('We could not check the address.', {}, { timeout: 4000 })).toBeVisible();
    await userEvent.click(step$.getByRole('button', { name: 'Continue anyway' }));
    await expect(args['lc-step-next']).toHaveBeenCalledOnce();
  },
};

/** The United States: "State" is a list of the states (the backend's country rules), "ZIP code". */
export const UnitedStatesAddress: Story = {
  parameters: { setup: { value: {} } },
  play: async ({ canvasElement }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-customer-details'));
    const state = await step$.findByRole('combobox', { name: /^State/ }, { timeout: 4000 });
    await expect(state).toHaveValue('WA');
    await expect(await step$.findByLabelText(/^ZIP code/)).toHaveValue('98052');
  },
};

/** Canada: a list of provinces, "Postal code". */
export const CanadaAddress: Story = {
  parameters: { setup: { value: { country: 'CA', city: 'Ottawa', state: 'ON', postalCode: 'K1A 0B1' } } },
  play: async ({ canvasElement }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-customer-details'));
    await expect(await step$.findByRole('combobox', { name: /^Province/ }, { timeout: 4000 })).toHaveValue('ON');
  },
};

/** The United Kingdom: no state, "Town or city" and "Postcode". */
export const UnitedKingdomAddress: Story = {
  parameters: { setup: { value: { country: 'GB', city: 'London', state: '', postalCode: 'SW1A 1AA' } } },
  play: async ({ canvasElement }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-customer-details'));
    await expect(await step$.findByLabelText(/^Postcode/, {}, { timeout: 4000 })).toHaveValue('SW1A 1AA');
    await expect(step$.getByLabelText(/^Town or city/)).toHaveValue('London');
    await expect(step$.queryByLabelText(/^State/)).toBeNull();
  },
};
