import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/components/agreement/agreement.js';
import type { LcAgreement } from '../src/components/agreement/agreement.js';
import type { Contact } from '../src/api/schemas.js';
import type { AgreementDraft } from '../src/checkout/validate.js';
import type { MockBackend } from '../src/mock/index.js';
import { FOREVER, createElement, pressOnMockPage, storyBackend, type StoryBackendOptions } from './support/backend.js';
import { inShadow, storyElement } from './support/shadow.js';

type Args = Record<string, unknown>;
interface Setup {
  value?: Partial<AgreementDraft>;
  backend?: StoryBackendOptions;
  /** The primary contact, who signs unless someone else does; none for an existing customer. */
  contact?: Contact | null;
}

const AVA: Contact = { firstName: 'Ava', lastName: 'Rossi', email: 'ava.rossi@tailwindtraders.example' };

/** Each rendered element's in-page mock, so a play function can press Accept on the mock's page. */
const backends = new WeakMap<Element, MockBackend>();

const meta: Meta<Args> = {
  title: 'Steps/Agreement',
  component: 'lc-agreement',
  args: { customerName: 'Tailwind Traders', 'lc-step-input': fn(), 'lc-step-next': fn(), 'lc-step-back': fn() },
  argTypes: { customerName: { control: 'text' } },
  parameters: { setup: {} satisfies Setup },
  // No `agreement` property: the element loads it from the mock (GET /agreement). The links
  // point at the Storybook origin, where the in-page mock answers them.
  render: (args, { parameters }) => {
    const setup = parameters['setup'] as Setup;
    const { api, mock } = storyBackend(setup.backend);
    const contact = setup.contact === undefined ? AVA : setup.contact;
    const el = createElement('lc-agreement', args, { api, country: 'US', ...(contact ? { contact } : {}), ...(setup.value ? { value: setup.value } : {}) });
    backends.set(el, mock);
    return el;
  },
};
export default meta;
type Story = StoryObj<Args>;

async function agreementStep(canvasElement: HTMLElement) {
  const el = (await storyElement(canvasElement, 'lc-agreement')) as LcAgreement;
  const step$ = inShadow(el);
  await step$.findByRole('button', { name: 'Create the acceptance link' }, { timeout: 4000 });
  return { el, step$ };
}

/** Waits until the link's status (live, as the mock's page is used) reads `text`. */
function statusReads(el: LcAgreement, text: string | RegExp, timeout = 6000) {
  return waitFor(() => expect(el.shadowRoot!.querySelector('[part~="acceptance-status"]')).toHaveTextContent(text), { timeout });
}

/** Creates the link and waits for its status. */
async function createLink(canvasElement: HTMLElement) {
  const found = await agreementStep(canvasElement);
  await userEvent.click(found.step$.getByRole('button', { name: 'Create the acceptance link' }));
  await statusReads(found.el, /^(Waiting for|The link expired)/);
  return found;
}

/** The primary contact signs: named, nothing to type. */
export const PrimaryContactSigns: Story = {
  play: async ({ canvasElement }) => {
    const { step$ } = await agreementStep(canvasElement);
    await expect(step$.getByText(/Ava Rossi \(ava\.rossi@tailwindtraders\.example\), the primary contact, signs\./)).toBeVisible();
    await expect(step$.queryByLabelText('First name')).toBeNull();
  },
};

/** Someone else signs: the fields, what is missing, then the link for them. */
export const SomeoneElseSigns: Story = {
  play: async ({ canvasElement, step }) => {
    const { el, step$ } = await agreementStep(canvasElement);
    await userEvent.click(step$.getByRole('checkbox', { name: 'Someone else signs' }));
    await step('Create with nothing typed', async () => {
      await userEvent.click(step$.getByRole('button', { name: 'Create the acceptance link' }));
      await expect(await step$.findByText('There is a problem')).toBeVisible();
    });
    await step('type the signatory and create', async () => {
      await userEvent.type(step$.getByLabelText('First name'), 'Megan');
      await userEvent.type(step$.getByLabelText('Last name'), 'Bowen');
      await userEvent.type(step$.getByLabelText(/^Email/), 'megan@tailwindtraders.example');
      await userEvent.click(step$.getByRole('button', { name: 'Create the acceptance link' }));
      await statusReads(el, 'Waiting for Megan Bowen to accept.');
    });
  },
};

/** An existing customer: no primary contact known, so the signatory is typed in. */
export const ExistingCustomer: Story = {
  args: { customerName: 'Adatum Corporation' },
  parameters: { setup: { contact: null } },
  play: async ({ canvasElement }) => {
    const { step$ } = await agreementStep(canvasElement);
    await expect(step$.getByLabelText('First name')).toBeVisible();
    await expect(step$.queryByRole('checkbox', { name: 'Someone else signs' })).toBeNull();
  },
};

/** The link created and waiting: Copy, Open (new tab), Email, the expiry; Continue goes on (the order will wait). */
export const LinkWaiting: Story = {
  play: async ({ canvasElement, args }) => {
    const { step$ } = await createLink(canvasElement);
    await expect(step$.getByRole('button', { name: 'Copy link' })).toBeVisible();
    await expect(step$.getByRole('link', { name: 'Open (new tab)' })).toHaveAttribute('target', '_blank');
    await expect(step$.getByRole('link', { name: 'Email to the customer' }).getAttribute('href')).toMatch(/^mailto:ava\.rossi@tailwindtraders\.example\?subject=/);
    await expect(step$.getByText(/The link works until .* \(in 7 days\)\./)).toBeVisible();
    await expect(step$.getByText('You can continue now: the order waits for the acceptance while it is set up.')).toBeVisible();
    await userEvent.click(step$.getByRole('button', { name: 'Continue' }));
    await expect(args['lc-step-next']).toHaveBeenCalledOnce();
  },
};

/** The customer presses Accept on the (mock) Microsoft page: the step notices by itself. */
export const Accepted: Story = {
  play: async ({ canvasElement }) => {
    const { el, step$ } = await createLink(canvasElement);
    await pressOnMockPage(backends.get(el)!, el.value.acceptance!.url);
    await statusReads(el, 'Accepted by Ava Rossi.');
    await expect(step$.queryByRole('button', { name: 'Copy link' })).toBeNull();
  },
};

/** "Expired" in the company name: the mock's link has already expired; a new one is generated. */
export const Expired: Story = {
  args: { customerName: 'Expired Traders' },
  play: async ({ canvasElement }) => {
    const { el, step$ } = await createLink(canvasElement);
    await statusReads(el, 'The link expired. Generate a new one and send it again.');
    await userEvent.click(step$.getByRole('button', { name: 'Generate a new link' }));
    await statusReads(el, 'Waiting for Ava Rossi to accept.');
  },
};

/** A store that requires acceptance before the order: Continue waits for the Accept. */
export const AcceptanceRequiredFirst: Story = {
  parameters: { setup: { backend: { acceptanceBeforeOrder: true } } },
  play: async ({ canvasElement, args }) => {
    const { el, step$ } = await createLink(canvasElement);
    await expect(step$.getByText('This store requires acceptance before the order: you can continue once Ava Rossi has accepted.')).toBeVisible();
    await userEvent.click(step$.getByRole('button', { name: 'Continue' }));
    await expect(args['lc-step-next']).not.toHaveBeenCalled();
    await pressOnMockPage(backends.get(el)!, el.value.acceptance!.url);
    await statusReads(el, 'Accepted by Ava Rossi.');
    await userEvent.click(step$.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(args['lc-step-next']).toHaveBeenCalledOnce());
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
