/**
 * A `lang` that `Intl` refuses ("en_US", a common slip in a host page) must never crash an
 * element: every element that formats renders with it exactly as with no `lang` at all (the
 * browser's locale), and a whole checkout completes under it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Order } from '../src/api/schemas.js';
import '../src/index.js';
import '../src/tags.js';
import { intlLocale } from '../src/i18n/format.js';
import { catalog } from '../src/mock/data.js';
import {
  E3,
  fillCart,
  mountCheckout,
  newCustomerToReview,
  openCustomerSearch,
  fill,
  hasControl,
  placeOrderButton,
  waitForOrderStatus,
} from './helpers/flow.js';
import { createTestMock, type TestMock } from './helpers/mock.js';
import { textOf } from './helpers/dom.js';
import { storageKey } from '../src/checkout/cart-store.js';

const INVALID = 'en_US';

/** Errors the page reports (an exception in a render, a rejected update) while `run` runs. */
async function pageErrors(run: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(String(e.error ?? e.message));
  const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await run();
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return errors;
}

/** The text an element shows, its shadow root's included (light DOM slots aside). */
function shown(el: Element): string {
  return textOf(el.shadowRoot!);
}

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 16, 9, minutes)).toISOString();
const ORDER: Order = {
  id: 'ord_1',
  status: 'provisioning',
  createdAt: at(0),
  updatedAt: at(1),
  recipient: { kind: 'new', companyName: 'Northwind Traders', domain: 'northwind.onmicrosoft.com' },
  currency: 'USD',
  lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 1250 }],
  firstInvoiceTotal: 4_500_000,
  tasks: [
    { id: 't1', kind: 'create-tenant', label: 'Create tenant northwind.onmicrosoft.com', status: 'succeeded' },
    { id: 't2', kind: 'create-subscription', label: 'Create subscription: Microsoft 365 E3 × 1250', status: 'running', startedAt: at(0) },
  ],
  progress: 0.5,
  estimatedSecondsRemaining: 300,
};

const COMPLETED: Order = {
  ...ORDER,
  status: 'completed',
  tasks: ORDER.tasks.map((task) => ({ ...task, status: 'succeeded' })),
  progress: 1,
  estimatedSecondsRemaining: 0,
};

describe('an invalid lang', () => {
  it('is no locale to the one helper (a valid one passes through as given)', () => {
    expect(intlLocale(INVALID)).to.equal(undefined);
    expect(intlLocale('')).to.equal(undefined);
    expect(intlLocale(undefined)).to.equal(undefined);
    expect(intlLocale('de-DE')).to.equal('de-DE');
    expect(intlLocale('ar-EG')).to.equal('ar-EG');
  });

  describe('renders each element that formats as no lang does', () => {
    let mock: TestMock;
    before(async () => {
      mock = await createTestMock();
      localStorage.setItem(
        storageKey(mock.baseUrl),
        JSON.stringify({ version: 1, lines: [{ productId: E3, term: 'P1Y', billing: 'monthly', quantity: 1250 }] }),
      );
    });
    after(() => localStorage.removeItem(storageKey(mock.baseUrl)));

    const cases: Array<[string, (lang: string | undefined) => TemplateResult, (el: Element) => boolean]> = [
      ['lc-price', (lang) => html`<lc-price lang=${ifDefined(lang)} api-base=${mock.baseUrl} product=${E3}></lc-price>`, (el) => shown(el).includes('$')],
      ['lc-cart-count', (lang) => html`<lc-cart-count lang=${ifDefined(lang)} api-base=${mock.baseUrl} unit="seats"></lc-cart-count>`, (el) => shown(el).includes('1,250')],
      ['lc-add-to-cart', (lang) => html`<lc-add-to-cart lang=${ifDefined(lang)} api-base=${mock.baseUrl} product=${E3}></lc-add-to-cart>`, (el) => shown(el).includes('E3')],
      ['lc-cart', (lang) => html`<lc-cart lang=${ifDefined(lang)} api-base=${mock.baseUrl}></lc-cart>`, (el) => shown(el).includes('$45,000.00')],
      [
        'lc-order-summary',
        (lang) => html`<lc-order-summary lang=${ifDefined(lang)} .lines=${ORDER.lines} .catalog=${catalog}></lc-order-summary>`,
        (el) => shown(el).includes('$45,000.00'),
      ],
      ['lc-provisioning, running', (lang) => html`<lc-provisioning lang=${ifDefined(lang)} .order=${ORDER}></lc-provisioning>`, (el) => shown(el).includes('About 5 minutes left')],
      [
        'lc-provisioning, completed',
        (lang) => html`<lc-provisioning lang=${ifDefined(lang)} .order=${COMPLETED}></lc-provisioning>`,
        (el) => shown(el).includes('1,250 licences'),
      ],
      ['lc-customer-details', (lang) => html`<lc-customer-details lang=${ifDefined(lang)}></lc-customer-details>`, (el) => !!el.shadowRoot!.querySelector('option[value="DE"]')],
      [
        'lc-agreement',
        (lang) =>
          html`<lc-agreement
            lang=${ifDefined(lang)}
            .agreement=${{ templateId: 't-1', version: 'v9', url: 'https://example.com/mca' }}
            .customerName=${'Fabrikam, Inc.'}
            .value=${{
              acceptance: {
                id: 'mca_1',
                status: 'link-generated',
                url: 'https://example.com/accept/1',
                expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
                signatory: { firstName: 'Dana', lastName: 'Whitfield', email: 'dana@example.com' },
                company: { name: 'Fabrikam, Inc.', country: 'US', language: 'en' },
              },
            }}
          ></lc-agreement>`,
        (el) => shown(el).includes('(in 3 days)'),
      ],
    ];

    for (const [name, template, ready] of cases) {
      it(`${name}, lang="${INVALID}"`, async () => {
        let plain!: Element;
        let invalid!: Element;
        const errors = await pageErrors(async () => {
          plain = await fixture(template(undefined));
          invalid = await fixture(template(INVALID));
          await waitUntil(() => ready(plain) && ready(invalid), `${name}: the formatted values did not show`, { timeout: 4000 });
        });
        expect(errors).to.deep.equal([]);
        expect(invalid.getAttribute('lang')).to.equal(INVALID);
        expect(shown(invalid)).to.equal(shown(plain));
      });
    }
  });

  it('lets a whole checkout complete, and sorts the customer search', async () => {
    const mock = await createTestMock({ speed: 1000 });
    const errors = await pageErrors(async () => {
      const el = await mountCheckout(mock);
      el.lang = INVALID;
      await el.updateComplete;
      await fillCart(el);
      const search = await openCustomerSearch(el);
      await fill(search, 'Search your customers', 'a');
      await waitUntil(() => hasControl(search, /Adatum/), 'no search results', { timeout: 3000 });
      el.remove();

      // Another backend: the first checkout's draft is kept for its own.
      const order = await mountCheckout(await createTestMock({ speed: 1000 }));
      order.lang = INVALID;
      await order.updateComplete;
      await fillCart(order);
      const review = await newCustomerToReview(order, 'Northwind Traders');
      expect(textOf(review)).to.contain('$108.00');
      placeOrderButton(order).click();
      await waitForOrderStatus(order, 'completed');
    });
    expect(errors).to.deep.equal([]);
  });
});
