import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CallOptions, CheckoutApi } from '../src/api/api.js';
import { HttpCheckoutApi } from '../src/api/client.js';
import type { Customer } from '../src/api/schemas.js';
import '../src/components/customer-type/customer-type.js';
import type { CustomerTypeValue, LcCustomerType } from '../src/components/customer-type/customer-type.js';
import type { LcStepBackEvent } from '../src/events/step-back.js';
import type { LcStepInputEvent } from '../src/events/step-input.js';
import type { LcStepNextEvent } from '../src/events/step-next.js';
import { createTestMock, type TestMock } from './helpers/mock.js';
import { changedTexts, shownTexts } from './helpers/texts.js';
import { customerTypeStrings } from '../src/components/customer-type/customer-type.strings.js';
import { runStepSuite } from './suites/step-suite.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function part(el: LcCustomerType, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function parts(el: LcCustomerType, name: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

function radio(el: LcCustomerType, value: string): HTMLInputElement {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`);
  if (!input) throw new Error(`no radio ${value}`);
  return input;
}

function search(el: LcCustomerType): HTMLInputElement {
  return part(el, 'search-input') as HTMLInputElement;
}

function status(el: LcCustomerType): string {
  return text(part(el, 'search-status'));
}

function resultNames(el: LcCustomerType): string[] {
  return parts(el, 'result').map((row) => text(row.querySelector('.result-name')));
}

/** Describes a node briefly (chai would try to print the whole element tree). */
function describeNode(node: Element | null | undefined): string {
  if (!node) return 'nothing';
  return `<${node.localName}${node.id ? ` id="${node.id}"` : ''}${node.getAttribute('part') ? ` part="${node.getAttribute('part')}"` : ''}>`;
}

function expectAbsent(node: Element | null): void {
  expect(node === null, `${describeNode(node)} should not be rendered`).to.equal(true);
}

function expectFocused(el: HTMLElement, target: Element | null | undefined): void {
  const active = el.shadowRoot!.activeElement;
  expect(active === target, `focus is on ${describeNode(active)}, expected ${describeNode(target)}`).to.equal(true);
}

/** Collects the events of one type that `el` fires. */
function collect<E extends Event>(el: HTMLElement, type: string): E[] {
  const seen: E[] = [];
  el.addEventListener(type, (e) => seen.push(e as E));
  return seen;
}


async function mount(api: CheckoutApi | undefined, value?: CustomerTypeValue): Promise<LcCustomerType> {
  return fixture<LcCustomerType>(html`<lc-customer-type .api=${api} .value=${value}></lc-customer-type>`);
}

/** Picks "A customer I resell to" → "Existing customer" and waits for the first list. */
async function openExisting(el: LcCustomerType): Promise<void> {
  radio(el, 'customer').click();
  await el.updateComplete;
  radio(el, 'existing').click();
  await waitUntil(() => parts(el, 'result').length > 0, 'the customer list did not load');
}

async function typeSearch(el: LcCustomerType, value: string): Promise<void> {
  const input = search(el);
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

describe('<lc-customer-type>', () => {
  let mock: TestMock;
  let api: HttpCheckoutApi;

  beforeEach(async () => {
    mock = await createTestMock({ speed: 1000 });
    api = new HttpCheckoutApi({ baseUrl: mock.baseUrl, retry: 0 });
  });

  runStepSuite({
    step: 'customer-type',
    strings: customerTypeStrings,
    alone: () => mount(api),
    blockedContinue: true,
    // The customer list is the widest content, its error the longest line.
    widest: async (el) => {
      await openExisting(el);
      part(el, 'next-button')!.click();
      await el.updateComplete;
    },
  });

  it('is accessible: the choice, the customer list and the error state', async () => {
    const el = await mount(api);
    await expect(el).to.be.accessible();
    await openExisting(el);
    await expect(el).to.be.accessible();
    part(el, 'next-button')!.click();
    await waitUntil(() => part(el, 'error-summary'));
    await expect(el).to.be.accessible();
  });

  it('asks who the order is for, shows no error before Continue, and says an order is for one customer', async () => {
    const el = await mount(api);
    expect(text(el.shadowRoot!.querySelector('legend'))).to.equal('Who is this order for?');
    expect(radio(el, 'internal').labels![0]!.textContent).to.contain('My own organization (internal use)');
    expect(radio(el, 'customer').labels![0]!.textContent).to.contain('A customer I resell to');
    expectAbsent(el.shadowRoot!.querySelector('input[value="existing"]'));
    expect(parts(el, 'error')).to.have.length(0);
    expectAbsent(part(el, 'error-summary'));
    expect(text(part(el, 'notice'))).to.equal(
      'An order is for one customer. Changing who the order is for clears what you entered for the previous one.',
    );
    expect(part(el, 'step-heading')!.getAttribute('tabindex')).to.equal('-1');
    el.focusHeading();
    expectFocused(el, part(el, 'step-heading'));
  });

  it('blocks Continue without a choice: summary, message, focus on the first radio, no lc-step-next', async () => {
    const el = await mount(api);
    const nexts = collect(el, 'lc-step-next');
    part(el, 'next-button')!.click();
    await waitUntil(() => part(el, 'error-summary'));
    expect(nexts).to.have.length(0);
    expect(text(part(el, 'error-summary'))).to.contain('Choose who this order is for.');
    // The message is a whole question: no label repeated before it.
    expect(text(part(el, 'error-summary')!.querySelector('a'))).to.equal('Choose who this order is for.');
    expectFocused(el, radio(el, 'internal'));
    expect(radio(el, 'internal').getAttribute('aria-invalid')).to.equal('true');

    // A customer, but neither existing nor new: the second question is the one to answer.
    // After Continue every problem shows at once: now the second question is the one to answer.
    radio(el, 'customer').click();
    await el.updateComplete;
    expect(text(part(el, 'error-summary'))).to.not.contain('Choose who this order is for.');
    expect(text(part(el, 'error-summary'))).to.contain('Choose whether this is an existing or a new customer.');
    part(el, 'next-button')!.click();
    await el.updateComplete;
    expectFocused(el, radio(el, 'existing'));
    expect(nexts).to.have.length(0);
  });

  it('reports each choice with lc-step-input and continues with lc-step-next', async () => {
    const el = await mount(api);
    const inputs = collect<LcStepInputEvent<CustomerTypeValue>>(el, 'lc-step-input');
    radio(el, 'internal').click();
    expect(inputs.at(-1)!.step).to.equal('customer-type');
    expect(inputs.at(-1)!.value).to.deep.equal({ kind: 'internal' });
    radio(el, 'customer').click();
    await el.updateComplete;
    expect(inputs.at(-1)!.value).to.deep.equal({});
    radio(el, 'new').click();
    expect(inputs.at(-1)!.value).to.deep.equal({ kind: 'new' });
    setTimeout(() => part(el, 'next-button')!.click());
    const next = (await oneEvent(el, 'lc-step-next')) as LcStepNextEvent<CustomerTypeValue>;
    expect(next.step).to.equal('customer-type');
    expect(next.value).to.deep.equal({ kind: 'new' });
    // No search for a new customer.
    expect(await mock.requests({ path: '/customers' })).to.have.length(0);
  });

  it('lists the customers when Existing opens, with the agreement status in words', async () => {
    const el = await mount(api);
    await openExisting(el);
    const requests = await mock.requests({ path: '/customers' });
    expect(requests).to.have.length(1);
    expect(requests[0]!.search).to.equal('?search=');
    expect(resultNames(el)).to.include.members(['Contoso Ltd.', 'Adatum Corporation']);
    // Sorted by name (the mock sends them in the order they were added).
    expect(resultNames(el)).to.deep.equal([...resultNames(el)].sort((a, b) => a.localeCompare(b, 'en')));
    expect(resultNames(el)[0]).to.equal('Adatum Corporation');
    expect(status(el)).to.equal('6 customers found.');
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(search.getAttribute('autocomplete')).to.equal('off');
    expect(text(search.labels![0])).to.equal('Search your customers');

    await typeSearch(el, 'Adatum');
    await waitUntil(() => resultNames(el).join() === 'Adatum Corporation', 'Adatum was not found');
    const row = parts(el, 'result')[0]!;
    expect(text(row)).to.contain('adatum.onmicrosoft.com');
    expect(text(row.querySelector('[part~="badge"]'))).to.contain('Agreement needed');
    await typeSearch(el, 'Contoso');
    await waitUntil(() => resultNames(el).join() === 'Contoso Ltd.');
    expect(text(parts(el, 'badge')[0])).to.contain('Agreement on file');
  });

  it('debounces the search: six quick characters send at most one more request, for the whole text', async () => {
    const el = await mount(api);
    await openExisting(el);
    await typeSearch(el, 'Litwar');
    await waitUntil(() => resultNames(el).join() === 'Litware, Inc.', 'the search did not answer');
    await aTimeout(400);
    const requests = await mock.requests({ path: '/customers' });
    expect(requests.length).to.be.at.most(2);
    expect(requests.at(-1)!.search).to.equal('?search=Litwar');
  });

  it('aborts a search when a newer one supersedes it, and on disconnect', async () => {
    const signals: AbortSignal[] = [];
    const http = api;
    const spy: CheckoutApi = Object.assign(Object.create(http) as CheckoutApi, {
      searchCustomers(text: string, options?: CallOptions) {
        signals.push(options!.signal!);
        return http.searchCustomers(text, options);
      },
    });
    const el = await mount(spy);
    await openExisting(el);
    await mock.inject({ path: '/customers', delayMs: 1500 });
    await typeSearch(el, 'Tailspin');
    await waitUntil(() => signals.length === 2, 'the slow search did not start');
    expect(status(el)).to.equal('Searching…');
    await typeSearch(el, 'Woodgrove');
    await waitUntil(() => resultNames(el).join() === 'Woodgrove Bank', 'the newer search did not answer');
    expect(signals[1]!.aborted).to.equal(true);
    expect(signals[2]!.aborted).to.equal(false);

    // Removed from the page while a search waits for its answer: the request is aborted.
    await mock.inject({ path: '/customers', delayMs: 1500 });
    await typeSearch(el, 'Wide');
    await waitUntil(() => signals.length === 4);
    el.remove();
    expect(signals[3]!.aborted).to.equal(true);
  });

  it('says when nothing matches and offers to create a new customer', async () => {
    const el = await mount(api);
    await openExisting(el);
    const inputs = collect<LcStepInputEvent<CustomerTypeValue>>(el, 'lc-step-input');
    await typeSearch(el, 'Nonesuch');
    await waitUntil(() => status(el).startsWith('No customer'));
    expect(status(el)).to.equal('No customer matches “Nonesuch”. Check the spelling or create a new customer.');
    part(el, 'new-customer-button')!.click();
    await el.updateComplete;
    expect(inputs.at(-1)!.value).to.deep.equal({ kind: 'new' });
    expect(radio(el, 'new').checked).to.equal(true);
    expectAbsent(part(el, 'search-input'));
  });

  it('shows a failed search with Retry, keeping the typed search', async () => {
    const el = await mount(api);
    await openExisting(el);
    await mock.inject({ path: '/customers', status: 503 });
    await typeSearch(el, 'Contoso');
    await waitUntil(() => part(el, 'search-failed'), 'no error shown');
    expect(text(part(el, 'search-failed'))).to.contain('We could not load your customers.');
    expect(part(el, 'search-failed')!.getAttribute('role')).to.equal('alert');
    expect(search(el).value).to.equal('Contoso');
    await expect(el).to.be.accessible();
    part(el, 'retry-button')!.click();
    await waitUntil(() => resultNames(el).join() === 'Contoso Ltd.', 'Retry did not search again');
    expectAbsent(part(el, 'search-failed'));
    const requests = await mock.requests({ path: '/customers' });
    expect(requests.at(-1)!.search).to.equal('?search=Contoso');
  });

  it('selects a customer with the arrow keys and continues with it', async () => {
    const el = await mount(api);
    await openExisting(el);
    const inputs = collect<LcStepInputEvent<CustomerTypeValue>>(el, 'lc-step-input');
    const radios = parts(el, 'customer-radio') as HTMLInputElement[];
    radios[0]!.focus();
    await sendKeys({ press: 'Space' });
    expect(inputs.at(-1)!.value.customer!.companyName).to.equal(resultNames(el)[0]);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const second = resultNames(el)[1]!;
    expectFocused(el, radios[1]);
    expect(radios[1]!.checked).to.equal(true);
    const last = inputs.at(-1)!.value;
    expect(last.kind).to.equal('existing');
    expect(last.customer!.companyName).to.equal(second);
    expect(text(part(el, 'selected'))).to.contain(second);
    // The default domain keeps its order right to left: it is isolated, in the list and in the selection.
    const domain = last.customer!.defaultDomain;
    expect([...part(el, 'selected')!.querySelectorAll('bdi')].map((b) => text(b))).to.include(domain);
    expect(text(parts(el, 'result')[1]!.querySelector('.result-domain bdi'))).to.equal(domain);
    setTimeout(() => part(el, 'next-button')!.click());
    const next = (await oneEvent(el, 'lc-step-next')) as LcStepNextEvent<CustomerTypeValue>;
    expect(next.value.customer!.companyName).to.equal(second);
  });

  it('blocks Continue on Existing without a customer and the summary link focuses the list', async () => {
    const el = await mount(api);
    await openExisting(el);
    const nexts = collect(el, 'lc-step-next');
    part(el, 'next-button')!.click();
    await waitUntil(() => part(el, 'error-summary'));
    expect(nexts).to.have.length(0);
    const first = parts(el, 'customer-radio')[0]!;
    expectFocused(el, first);
    expect(text(el.shadowRoot!.querySelector('[part~="error"]'))).to.equal(
      'Choose a customer from the list, or create a new customer.',
    );
    search(el).focus();
    part(el, 'error-summary')!.querySelector('a')!.click();
    expectFocused(el, first);
  });

  it('fires lc-step-back, and hides Back with no-back', async () => {
    const el = await mount(api);
    setTimeout(() => part(el, 'back-button')!.click());
    const back = (await oneEvent(el, 'lc-step-back')) as LcStepBackEvent;
    expect(back.step).to.equal('customer-type');
    el.noBack = true;
    await el.updateComplete;
    expect(part(el, 'back-button')!.hidden).to.equal(true);
  });

  it('takes the value from its owner without events, and warns when the user changes the recipient', async () => {
    const adatum: Customer = {
      id: 'cst-1b84d0e6',
      companyName: 'Adatum Corporation',
      defaultDomain: 'adatum.onmicrosoft.com',
      agreementOnFile: false,
    };
    const el = await mount(api);
    const inputs = collect(el, 'lc-step-input');
    el.value = { kind: 'existing', customer: adatum };
    await waitUntil(() => parts(el, 'result').length > 0);
    expect(inputs).to.have.length(0);
    expect(radio(el, 'existing').checked).to.equal(true);
    expect(radio(el, 'cst-1b84d0e6').checked).to.equal(true);
    expect(text(part(el, 'selected'))).to.contain('Adatum Corporation');
    expect(parts(el, 'notice')).to.have.length(1);

    radio(el, 'new').click();
    await el.updateComplete;
    const warning = parts(el, 'notice')[1]!;
    expect(text(warning)).to.contain('You changed who this order is for. What was entered for Adatum Corporation is cleared');
    // The owner echoing the user's choice changes nothing and fires nothing.
    el.value = { kind: 'new' };
    await el.updateComplete;
    expect(inputs).to.have.length(1);
    expect(radio(el, 'new').checked).to.equal(true);
  });

  it('shows the backend field errors at once and clears one when that choice changes', async () => {
    const el = await fixture<LcCustomerType>(
      html`<lc-customer-type
        .api=${api}
        .value=${{ kind: 'internal' }}
        .fieldErrors=${{ recipientKind: 'Internal orders are not enabled for your account.' }}
      ></lc-customer-type>`,
    );
    expect(text(part(el, 'error'))).to.equal('Internal orders are not enabled for your account.');
    expect(text(part(el, 'error-summary'))).to.contain('Internal orders are not enabled for your account.');
    radio(el, 'customer').click();
    await el.updateComplete;
    expect(parts(el, 'error')).to.have.length(0);
    // The same messages passed again (a re-render) do not come back.
    el.fieldErrors = { recipientKind: 'Internal orders are not enabled for your account.' };
    await el.updateComplete;
    expect(parts(el, 'error')).to.have.length(0);
  });

  it('shows markup in a customer name returned by the backend as text', async () => {
    await mock.inject({
      path: '/customers',
      status: 200,
      body: {
        customers: [{ id: 'cst-evil', companyName: HOSTILE, defaultDomain: 'evil.onmicrosoft.com', agreementOnFile: true }],
      },
    });
    let ran = false;
    (window as unknown as { alert: () => void }).alert = () => {
      ran = true;
    };
    const el = await mount(api);
    await openExisting(el);
    expect(resultNames(el)).to.deep.equal([HOSTILE]);
    expectAbsent(el.shadowRoot!.querySelector('img'));
    radio(el, 'cst-evil').click();
    await el.updateComplete;
    expect(text(part(el, 'selected'))).to.contain(HOSTILE);
    expectAbsent(el.shadowRoot!.querySelector('img'));
    await aTimeout(50);
    expect(ran).to.equal(false);
  });

  it('changes only the text whose key its strings override, not for other steps’ or unprefixed keys', async () => {
    const el = await mount(api);
    await openExisting(el);
    const before = shownTexts(el);
    el.strings = { 'customerType.back': 'Zurück' };
    await el.updateComplete;
    const after = shownTexts(el);
    expect(changedTexts(before, after)).to.deep.equal([['Back', 'Zurück']]);
    expect(text(part(el, 'back-button'))).to.equal('Zurück');
    // One table for every step, as <lc-checkout>.strings is: the other steps' keys and the
    // old unprefixed ones leave this step as it was.
    const shared: Record<string, string> = {
      'customerType.back': 'Zurück',
      heading: 'Unprefixed',
      back: 'Unprefixed',
      next: 'Unprefixed',
      retry: 'Unprefixed',
      customer: 'Unprefixed',
      'cart.heading': 'Cart',
      'customerDetails.back': 'Customer details',
      'tenant.next': 'Tenant',
      'agreement.back': 'Agreement',
    };
    el.strings = shared;
    await el.updateComplete;
    expect(shownTexts(el)).to.deep.equal(after);
  });

  it('fits 320 px without horizontal scrolling, also right-to-left', async () => {
    for (const dir of ['ltr', 'rtl']) {
      // The element itself, not a wrapper: a wrapper's fixture waits for an animation frame, which a background tab never gets.
      const el = await fixture<LcCustomerType>(
        html`<lc-customer-type dir=${dir} style="inline-size: 320px" .api=${api}></lc-customer-type>`,
      );
      await openExisting(el);
      const widest = Math.max(...[...el.shadowRoot!.querySelectorAll('*')].map((node) => node.getBoundingClientRect().width));
      expect(widest, dir).to.be.at.most(320);
      expect(el.scrollWidth, dir).to.be.at.most(320);
    }
  });
});
