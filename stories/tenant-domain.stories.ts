import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/components/tenant-domain/tenant-domain.js';
import type { TenantDraft } from '../src/components/tenant-domain/tenant-domain.js';
import { FOREVER, createElement, storyBackend, type StoryBackendOptions } from './support/backend.js';
import { inShadow, storyElement, wholeText } from './support/shadow.js';

type Args = Record<string, unknown>;
interface Setup {
  value?: Partial<TenantDraft>;
  backend?: StoryBackendOptions;
}

/** Look-ups wait 400 ms after the last key, then the mock answers. */
const LOOKUP = { timeout: 4000 };

const meta: Meta<Args> = {
  title: 'Steps/Tenant domain',
  component: 'lc-tenant-domain',
  args: {
    companyName: 'Tailwind Traders',
    'lc-step-input': fn(),
    'lc-step-next': fn(),
    'lc-step-back': fn(),
    'lc-company-name-change': fn(),
  },
  argTypes: { companyName: { control: 'text' } },
  parameters: { setup: {} satisfies Setup },
  render: (args, { parameters }) => {
    const setup = parameters['setup'] as Setup;
    const { api } = storyBackend(setup.backend);
    return createElement('lc-tenant-domain', args, { api, ...(setup.value ? { value: setup.value } : {}) });
  },
};
export default meta;
type Story = StoryObj<Args>;

async function typePrefix(canvasElement: HTMLElement, text: string) {
  const step$ = inShadow(await storyElement(canvasElement, 'lc-tenant-domain'));
  await userEvent.type(await step$.findByLabelText('Domain prefix'), text);
  return step$;
}

async function typeDomain(canvasElement: HTMLElement, text: string) {
  const step$ = inShadow(await storyElement(canvasElement, 'lc-tenant-domain'));
  await userEvent.type(await step$.findByLabelText('Default domain'), text);
  return step$;
}

/** A new tenant whose prefix is free; Continue checks it again and goes on. */
export const NewTenantAvailable: Story = {
  play: async ({ canvasElement, args }) => {
    const step$ = await typePrefix(canvasElement, 'tailwindtraders');
    await expect(await step$.findByText(wholeText('tailwindtraders.onmicrosoft.com is available'), {}, LOOKUP)).toBeVisible();
    await userEvent.click(step$.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(args['lc-step-next']).toHaveBeenCalledOnce(), LOOKUP);
  },
};

/** `contoso` is taken: the mock suggests free prefixes. */
export const NewTenantTakenWithSuggestions: Story = {
  play: async ({ canvasElement }) => {
    const step$ = await typePrefix(canvasElement, 'contoso');
    await expect(await step$.findByText(wholeText('contoso.onmicrosoft.com is already taken.'), {}, LOOKUP)).toBeVisible();
    await expect((await step$.findAllByRole('button', { name: /^Use .*\.onmicrosoft\.com$/ })).length).toBeGreaterThan(0);
  },
};

/** Picking a suggestion fills the prefix, which is then available. */
export const NewTenantPickSuggestion: Story = {
  play: async ({ canvasElement }) => {
    const step$ = await typePrefix(canvasElement, 'contoso');
    const [first] = await step$.findAllByRole('button', { name: /^Use .*\.onmicrosoft\.com$/ }, LOOKUP);
    const domain = first!.textContent!.trim().replace(/^Use /, '');
    await userEvent.click(first!);
    await expect(await step$.findByText(wholeText(`${domain} is available`), {}, LOOKUP)).toBeVisible();
  },
};

/** Characters the rule does not allow are named as typed, before any request. */
export const NewTenantInvalidCharacters: Story = {
  play: async ({ canvasElement }) => {
    const step$ = await typePrefix(canvasElement, 'tail wind!');
    await expect((await step$.findAllByText(/Not allowed:/)).length).toBeGreaterThan(0);
  },
};

/** Fixing the prefix clears the error, and the availability check runs. */
export const NewTenantInvalidCharactersFixed: Story = {
  play: async ({ canvasElement }) => {
    const step$ = await typePrefix(canvasElement, 'tail wind!');
    await expect((await step$.findAllByText(/Not allowed:/)).length).toBeGreaterThan(0);
    const input = step$.getByLabelText('Domain prefix');
    await userEvent.tripleClick(input);
    await userEvent.keyboard('tailwind2026');
    await waitFor(() => expect(step$.queryAllByText(/Not allowed:/)).toHaveLength(0));
    await expect(await step$.findByText(wholeText('tailwind2026.onmicrosoft.com is available'), {}, LOOKUP)).toBeVisible();
  },
};

export const NewTenantChecking: Story = {
  parameters: { setup: { backend: { faults: [{ path: '/domains', delayMs: FOREVER, times: 99 }] } } },
  play: async ({ canvasElement }) => {
    const step$ = await typePrefix(canvasElement, 'tailwindtraders');
    await expect((await step$.findAllByText('Checking availability…', {}, LOOKUP)).length).toBeGreaterThan(0);
  },
};

export const NewTenantCheckFailed: Story = {
  parameters: { setup: { backend: { faults: [{ path: '/domains', status: 503, times: 99 }] } } },
  play: async ({ canvasElement }) => {
    const step$ = await typePrefix(canvasElement, 'tailwindtraders');
    await expect(await step$.findByText(/could not be checked/, {}, LOOKUP)).toBeVisible();
  },
};

/** The customer's existing tenant, found, with the same registered company name. */
export const ExistingTenantFound: Story = {
  args: { companyName: 'Fabrikam, Inc.' },
  parameters: { setup: { value: { hasTenant: true } } },
  play: async ({ canvasElement, args }) => {
    const step$ = await typeDomain(canvasElement, 'fabrikam.onmicrosoft.com');
    await expect(await step$.findByText('Tenant found.', {}, LOOKUP)).toBeVisible();
    await userEvent.click(step$.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(args['lc-step-next']).toHaveBeenCalledOnce());
  },
};

/** The registered name differs from the one entered: both side by side; adopting it fixes it. */
export const ExistingTenantNameMismatch: Story = {
  args: { companyName: 'Fabrikam Inc' },
  parameters: { setup: { value: { hasTenant: true } } },
  play: async ({ canvasElement, args, step }) => {
    const step$ = await typeDomain(canvasElement, 'fabrikam.onmicrosoft.com');
    await expect(await step$.findByText('The company name does not match', {}, LOOKUP)).toBeVisible();
    await step('Continue is refused while the names differ', async () => {
      await userEvent.click(step$.getByRole('button', { name: 'Continue' }));
      await expect(args['lc-step-next']).not.toHaveBeenCalled();
    });
    await step('use the registered name', async () => {
      await userEvent.click(step$.getByRole('button', { name: 'Use “Fabrikam, Inc.”' }));
      await expect(args['lc-company-name-change']).toHaveBeenCalledOnce();
    });
  },
};

/** Shown before the user adopts the registered name: the state a designer must see. */
export const ExistingTenantNameMismatchShown: Story = {
  args: { companyName: 'Fabrikam Inc' },
  parameters: { setup: { value: { hasTenant: true } } },
  play: async ({ canvasElement }) => {
    const step$ = await typeDomain(canvasElement, 'fabrikam.onmicrosoft.com');
    await expect(await step$.findByText('The company name does not match', {}, LOOKUP)).toBeVisible();
  },
};

export const ExistingTenantNotFound: Story = {
  parameters: { setup: { value: { hasTenant: true } } },
  play: async ({ canvasElement }) => {
    const step$ = await typeDomain(canvasElement, 'nosuchtenant.onmicrosoft.com');
    await waitFor(() => expect(step$.getAllByText(/No Microsoft 365 tenant uses this default domain/).length).toBeGreaterThan(0), LOOKUP);
  },
};

/** A domain typed without `.onmicrosoft.com`: the hint, and a button that completes it. */
export const ExistingTenantSuffixHint: Story = {
  args: { companyName: 'Fabrikam, Inc.' },
  parameters: { setup: { value: { hasTenant: true } } },
  play: async ({ canvasElement }) => {
    const step$ = await typeDomain(canvasElement, 'fabrikam.com');
    await expect(step$.getByText('A tenant’s default domain ends in .onmicrosoft.com.')).toBeVisible();
    await expect(step$.getByRole('button', { name: 'Use fabrikam.onmicrosoft.com' })).toBeVisible();
  },
};
