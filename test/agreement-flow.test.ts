/**
 * The Microsoft Customer Agreement and admin access (GDAP) through the whole checkout, in real
 * Chromium against the mock over HTTP: the link accepted on the mock's page while the
 * checkout waits, an expired link renewed, an order placed while acceptance is pending, the
 * default roles and a GDAP request, and the retired attestation refused.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { LcCheckout } from '../src/components/checkout/checkout.js';
import {
  acceptOnMockPage,
  agreementRoot,
  check,
  click,
  confirmedOrderId,
  continueStep,
  createAcceptanceLink,
  currentStepUpdate,
  fillAgreement,
  fillCart,
  mountCheckout,
  newCustomerToAgreement as toAgreement,
  newCustomerWithTenant,
  placeOrderButton,
  provisioningOf,
  reviewWithQuote,
  stepRoot,
  text,
  waitForOrderStatus,
  waitForStep,
} from './helpers/flow.js';
import { call, expectProblem, fieldsOf, placeOrder } from './helpers/contract.js';
import { createTestMock, type TestMock } from './helpers/mock.js';

/** From the cart to the agreement step, for a new customer with a new tenant. */
async function newCustomerToAgreement(el: LcCheckout, companyName: string): Promise<void> {
  await fillCart(el);
  await toAgreement(el, companyName);
}

async function sentOrder(mock: TestMock): Promise<Record<string, unknown>> {
  const [sent] = await mock.requests({ method: 'POST', path: '/orders' });
  return sent!.body as Record<string, unknown>;
}

describe('agreement acceptance and admin access through the checkout', () => {
  let mock: TestMock;
  beforeEach(async () => {
    mock = await createTestMock({ speed: 1000 });
  });

  it('new customer: the link for the primary contact, Copy / Open (new tab) / Email, accepted on the mock page while the checkout waits', async () => {
    const el = await mountCheckout(mock);
    await newCustomerToAgreement(el, 'Northwind Traders');
    const url = await createAcceptanceLink(el);
    const root = stepRoot(el);
    expect(url).to.contain(`${mock.baseUrl}/microsoft/customer-agreement/`);
    // The primary contact signs (fillCompany's contact), as the request says.
    expect(el.state.agreementDraft.acceptance!.signatory).to.include({ email: 'ada@tailspin.example' });
    const open = root.querySelector<HTMLAnchorElement>('[part~="open-link"]')!;
    expect(open.target).to.equal('_blank');
    expect(text(open)).to.match(/new tab/);
    const mail = root.querySelector<HTMLAnchorElement>('[part~="email-link"]')!;
    expect(mail.href).to.match(/^mailto:ada@tailspin\.example\?subject=Microsoft%20Customer%20Agreement%20for%20Northwind%20Traders&body=/);
    expect(decodeURIComponent(mail.href)).to.contain(url);
    expect(text(root.querySelector('[part~="acceptance-status"]'))).to.contain('Waiting for');
    expect(text(root)).to.match(/works until .+\(in \d+ days\)/);
    // Pending: Continue is allowed (the store does not require acceptance first) and says so.
    expect(text(root.querySelector('[part~="notice"]'))).to.contain('the order waits for the acceptance');

    // The signatory accepts in another tab: the checkout sees it by itself.
    const page = await fetch(url);
    expect(await page.text()).to.contain('Microsoft Customer Agreement');
    await acceptOnMockPage(url);
    await waitUntil(() => /Accepted by/.test(text(root.querySelector('[part~="acceptance-status"]'))), 'the status did not change without a reload', { timeout: 4000 });
    await continueStep(el);
    const review = await reviewWithQuote(el);
    expect(text(review.querySelector('[part~="summary"]'))).to.contain('Accepted by');
    placeOrderButton(el).click();
    await confirmedOrderId(el);
    expect(await sentOrder(mock)).to.include({ agreementAcceptanceId: el.state.agreementDraft.acceptance!.id });
    await waitForOrderStatus(el, 'completed');
  });

  it('an expired link (company name with Expired) is generated again, and the new one is followed', async () => {
    const el = await mountCheckout(mock);
    await newCustomerToAgreement(el, 'Expired Widgets Ltd');
    await createAcceptanceLink(el);
    const root = stepRoot(el);
    expect(el.state.agreementDraft.acceptance!.status).to.equal('link-expired');
    expect(text(root.querySelector('[part~="acceptance-status"]'))).to.contain('The link expired');
    expect(root.querySelector('[part~="next-button"]')!.getAttribute('aria-disabled')).to.equal('true');
    const before = el.state.agreementDraft.acceptance!.url;
    await click(root, 'Generate a new link');
    await waitUntil(() => el.state.agreementDraft.acceptance?.status === 'link-generated', 'no new link');
    const renewed = el.state.agreementDraft.acceptance!.url;
    expect(renewed).to.not.equal(before);
    await acceptOnMockPage(renewed);
    await waitUntil(() => el.state.agreementDraft.acceptance?.status === 'customer-accepted', 'the renewed link was not followed', { timeout: 4000 });
  });

  it('pending at order time: the agreement task is action-required with the link, the guard released, completion after Accept', async () => {
    const el = await mountCheckout(mock);
    await newCustomerToAgreement(el, 'Pending Parts Ltd');
    const url = await createAcceptanceLink(el);
    await currentStepUpdate(el);
    await continueStep(el);
    const review = await reviewWithQuote(el);
    expect(text(review.querySelector('[part~="summary"]'))).to.contain('Not accepted yet: the order waits');
    placeOrderButton(el).click();
    await confirmedOrderId(el);
    const shown = await waitForOrderStatus(el, 'waiting', 8000);
    expect(el.provisioningActive).to.equal(false);
    const task = el.state.order!.tasks.find((t) => t.kind === 'record-agreement')!;
    expect(task.status).to.equal('action-required');
    expect(task.actionUrl).to.equal(url);
    const links = [...shown.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[part~="action-link"]')].map((a) => a.href);
    expect(links).to.include(url);
    await acceptOnMockPage(url);
    await waitForOrderStatus(el, 'completed', 8000);
  });

  it('a store that requires acceptance first: Continue waits for the Accept', async () => {
    mock = await createTestMock({ speed: 1000, acceptanceBeforeOrder: true });
    const el = await mountCheckout(mock);
    await newCustomerToAgreement(el, 'Careful Goods Ltd');
    const url = await createAcceptanceLink(el);
    const root = stepRoot(el);
    expect(text(root.querySelector('[part~="notice"]'))).to.contain('requires acceptance before the order');
    const next = root.querySelector<HTMLButtonElement>('[part~="next-button"]')!;
    expect(next.getAttribute('aria-disabled')).to.equal('true');
    next.click();
    await currentStepUpdate(el);
    expect(el.step).to.equal('agreement');
    await acceptOnMockPage(url);
    await waitUntil(() => next.getAttribute('aria-disabled') === 'false', 'Continue stayed unavailable after the Accept', { timeout: 4000 });
    await continueStep(el);
    await waitForStep(el, 'review');
  });

  it('new tenant: the default roles are listed and sent; the opt-out is sent only where the store allows it', async () => {
    const el = await mountCheckout(mock);
    await newCustomerToAgreement(el, 'Optout Outfitters');
    // Back to the tenant step: the default roles are there, with the opt-out.
    (await agreementRoot(el)).querySelector<HTMLButtonElement>('[part~="back-button"]')!.click();
    await waitForStep(el, 'tenant-domain');
    const access = el.shadowRoot!.querySelector('lc-admin-access')!;
    await waitUntil(() => access.shadowRoot!.querySelector('[part~="roles"]'), 'no default roles');
    expect(text(access.shadowRoot!.querySelector('[part~="roles"]'))).to.contain('Global Reader');
    check(access.shadowRoot!, 'Do not grant the default admin roles');
    await waitUntil(() => el.state.adminAccess.defaultRoles === false, 'the opt-out was not taken');
    await continueStep(el);
    await fillAgreement(el);
    const review = await reviewWithQuote(el);
    expect(text(review.querySelector('[part~="summary"]'))).to.contain('No admin roles (opted out)');
    placeOrderButton(el).click();
    await confirmedOrderId(el);
    expect((await sentOrder(mock)).adminAccess).to.deep.equal({ defaultRoles: false });

    // A store without the opt-out: no checkbox, and the default roles are sent.
    const strict = await createTestMock({ speed: 1000, defaultRolesOptOut: false });
    const other = await mountCheckout(strict);
    await newCustomerToAgreement(other, 'Strict Roles Ltd');
    expect(other.state.adminTemplates!.defaultRoles.optOutAllowed).to.equal(false);
    (await agreementRoot(other)).querySelector<HTMLButtonElement>('[part~="back-button"]')!.click();
    await waitForStep(other, 'tenant-domain');
    const strictAccess = other.shadowRoot!.querySelector('lc-admin-access')!;
    expect(strictAccess.shadowRoot!.querySelector('[part~="opt-out-checkbox"]')).to.equal(null);
    expect(text(strictAccess.shadowRoot!)).to.contain('This store always grants them');
  });

  it('existing tenant with a GDAP request: its own task and approval link, apart from the reseller relationship', async () => {
    const el = await mountCheckout(mock);
    await newCustomerWithTenant(el, 'Fabrikam, Inc.', 'fabrikam.onmicrosoft.com');
    expect(el.state.tenant.lookup?.exists).to.equal(true);
    const access = el.shadowRoot!.querySelector('lc-admin-access')!.shadowRoot!;
    await waitUntil(() => access.querySelector('[part~="request-checkbox"]'), 'no GDAP request offered');
    check(access, 'Request admin access (GDAP)');
    await waitUntil(() => access.querySelector('[part~="template-select"]'), 'no templates');
    const select = access.querySelector<HTMLSelectElement>('[part~="template-select"]')!;
    select.value = 'full';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => access.querySelector<HTMLInputElement>('[part~="auto-extend-checkbox"]')?.disabled, 'auto-extend not refused with Global Administrator');
    select.value = 'helpdesk';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => !access.querySelector<HTMLInputElement>('[part~="auto-extend-checkbox"]')!.disabled, 'auto-extend stays off');
    check(access, /Extend automatically/);
    await continueStep(el);
    await fillAgreement(el);
    const review = await reviewWithQuote(el);
    expect(text(review.querySelector('[part~="summary"]'))).to.match(/Request “.+” for 730 days, extended automatically/);
    placeOrderButton(el).click();
    await confirmedOrderId(el);
    expect((await sentOrder(mock)).adminAccess).to.deep.equal({ request: { templateId: 'helpdesk', duration: 'P730D', autoExtend: true } });
    await waitForOrderStatus(el, 'waiting', 8000);
    const shown = await provisioningOf(el);
    // The order waits on the reseller relationship first; the approval task, last in the
    // list, has its link once it is reached.
    const approvalLink = () => el.state.order!.tasks.find((t) => t.kind === 'approve-admin-access')?.actionUrl;
    await waitUntil(approvalLink, 'the admin-access task has no approval link', { timeout: 8000 });
    const tasks = el.state.order!.tasks;
    const gdap = tasks.find((t) => t.kind === 'approve-admin-access')!;
    const reseller = tasks.find((t) => t.kind === 'accept-relationship')!;
    expect(gdap.actionUrl).to.match(/\/microsoft\/admin-relationships\//);
    expect(gdap.actionUrl).to.not.equal(reseller.actionUrl);
    const links = () => [...shown.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[part~="action-link"]')].map((a) => a.href);
    await waitUntil(() => links().includes(gdap.actionUrl!), 'the approval link is not shown');
  });

  it('the retired attestation is refused with a 422 naming agreement', async () => {
    const templates = (await call(mock, '/admin-access/templates')).body as { templates: unknown[] };
    expect(templates.templates.length).to.be.greaterThan(0);
    const body = {
      lines: [{ productId: 'cfq7ttc0lfld-0001', term: 'P1Y', billing: 'monthly', quantity: 1 }],
      recipient: { kind: 'internal' },
      agreement: { templateId: 'x', firstName: 'A', lastName: 'B', email: 'a@b.example', dateAccepted: '2026-01-05' },
    };
    const problem = expectProblem(await placeOrder(mock, body), 422);
    expect(problem.code).to.equal('attestation-retired');
    expect(fieldsOf(problem)).to.deep.equal(['agreement']);
  });
});
