import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/components/tenant-domain/admin-access.js';
import type { AdminAccessTemplates } from '../src/api/schemas.js';
import type { AdminAccessTarget } from '../src/checkout/admin-access.js';
import { createElement, storyBackend, type StoryBackendOptions } from './support/backend.js';
import { inShadow, storyElement } from './support/shadow.js';

type Args = Record<string, unknown>;
interface Setup {
  target?: AdminAccessTarget;
  backend?: StoryBackendOptions;
}

/** `<lc-admin-access>` as `<lc-checkout>` slots it into the tenant step (and an existing customer's review). */
const meta: Meta<Args> = {
  title: 'Steps/Tenant domain/Admin access (GDAP)',
  component: 'lc-admin-access',
  args: { 'lc-step-input': fn() },
  parameters: { setup: {} satisfies Setup },
  // The store's role templates and default roles, from the mock (GET /admin-access/templates).
  loaders: [
    async ({ parameters }) => {
      const { api } = storyBackend({ latencyMs: 0, ...(parameters['setup'] as Setup).backend });
      return { templates: await api.getAdminAccessTemplates() };
    },
  ],
  render: (args, { parameters, loaded }) => {
    const setup = parameters['setup'] as Setup;
    return createElement('lc-admin-access', args, { templates: loaded['templates'] as AdminAccessTemplates, target: setup.target ?? 'new-tenant' });
  },
};
export default meta;
type Story = StoryObj<Args>;

/** A tenant the order creates: the default roles listed, with the opt-out this store allows. */
export const DefaultRoles: Story = {
  play: async ({ canvasElement, args }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-admin-access'));
    await expect(step$.getByText('Directory Readers')).toBeVisible();
    await expect(step$.getByText('Global Reader')).toBeVisible();
    await userEvent.click(step$.getByRole('checkbox', { name: 'Do not grant the default admin roles' }));
    await waitFor(() => expect(args['lc-step-input']).toHaveBeenCalledOnce());
  },
};

/** A store that does not allow opting out: the roles, and no opt-out. */
export const DefaultRolesNoOptOut: Story = {
  parameters: { setup: { backend: { defaultRolesOptOut: false } } },
  play: async ({ canvasElement }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-admin-access'));
    await expect(step$.getByText('This store always grants them.')).toBeVisible();
    await expect(step$.queryByRole('checkbox')).toBeNull();
  },
};

/** An existing tenant: "Request admin access (GDAP)" with a template, a duration and auto-extend. */
export const Request: Story = {
  parameters: { setup: { target: 'existing-tenant' } },
  play: async ({ canvasElement }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-admin-access'));
    await userEvent.click(step$.getByRole('checkbox', { name: 'Request admin access (GDAP)' }));
    await userEvent.selectOptions(await step$.findByLabelText(/^Role template/), 'helpdesk');
    await userEvent.click(step$.getByRole('checkbox', { name: /Extend automatically/ }));
    await expect(step$.getByRole('checkbox', { name: /Extend automatically/ })).toBeChecked();
  },
};

/** A template with Global Administrator: auto-extend is refused, and says why. */
export const RequestWithGlobalAdministrator: Story = {
  parameters: { setup: { target: 'existing-tenant' } },
  play: async ({ canvasElement }) => {
    const step$ = inShadow(await storyElement(canvasElement, 'lc-admin-access'));
    await userEvent.click(step$.getByRole('checkbox', { name: 'Request admin access (GDAP)' }));
    await userEvent.selectOptions(await step$.findByLabelText(/^Role template/), 'full');
    await expect(step$.getByRole('checkbox', { name: /Extend automatically/ })).toBeDisabled();
    await expect(step$.getByText('Not available with Global Administrator.')).toBeVisible();
  },
};
