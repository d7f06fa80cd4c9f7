import { expect } from '@open-wc/testing';
import {
  OrderRequest,
  type AcceptanceRequest,
  type Agreement,
  type Catalog,
  type Customer,
  type DomainAvailability,
  type Order,
  type OrderLineInput,
  type Quote,
  type TenantLookup,
} from '../src/api/schemas.js';
import {
  buildOrderRequest,
  buildQuoteRequest,
  buildRecipient,
  canGoBack,
  canGoNext,
  canPlaceOrder,
  createCheckout,
  firstInvalidStep,
  navigationGuardNeeded,
  orderPhase,
  randomKey,
  stepErrors,
  stepsFor,
  transition,
  type CheckoutAction,
  type CheckoutState,
  type MachineEnv,
} from '../src/checkout/machine.js';

// ---------------------------------------------------------------------------------------
// Fixtures

const TODAY = '2025-06-15';

/** Deterministic keys: key-1, key-2, … */
function testEnv(): MachineEnv & { issued: number } {
  const env = {
    issued: 0,
    newKey: () => `key-${++env.issued}`,
  };
  return env;
}

const line: OrderLineInput = { productId: 'm365-bp', term: 'P1Y', billing: 'monthly', quantity: 5 };
const line2: OrderLineInput = { productId: 'defender', term: 'P1M', billing: 'monthly', quantity: 2 };

const catalog: Catalog = {
  currency: 'USD',
  products: [
    {
      id: 'm365-bp',
      name: 'Microsoft 365 Business Premium',
      minQuantity: 1,
      maxQuantity: 300,
      offers: [{ term: 'P1Y', billing: 'monthly', unitPrice: 2200 }],
    },
  ],
};

const onFile: Customer = { id: 'c-1', companyName: 'Contoso Ltd', defaultDomain: 'contoso.onmicrosoft.com', agreementOnFile: true };
const notOnFile: Customer = { id: 'c-2', companyName: 'Adatum Corp', defaultDomain: 'adatum.onmicrosoft.com', agreementOnFile: false };

const mca: Agreement = { templateId: 'mca-2024', version: '2024-01', url: 'https://example.com/mca' };
/** A store that places no order before the customer accepted. */
const acceptFirst: Agreement = { ...mca, acceptanceRequiredBeforeOrder: true };

const company = {
  companyName: 'Fabrikam, Inc.',
  country: 'US',
  line1: '1 Microsoft Way',
  city: 'Redmond',
  state: 'WA',
  postalCode: '98052',
  firstName: 'Dana',
  lastName: 'Smith',
  email: 'dana@fabrikam.com',
};

const signatory = {
  someoneElse: true,
  firstName: 'Lee',
  lastName: 'Chen',
  email: 'lee@fabrikam.com',
};

/** The acceptance request `POST /agreement-acceptances` answered for `company`, in `status`. */
function acceptanceFor(company: string, status: AcceptanceRequest['status'] = 'link-generated', id = 'mca_1'): AcceptanceRequest {
  return {
    id,
    status,
    url: `https://mock.example/api/microsoft/customer-agreement/${id}`,
    expiresAt: '2025-06-22T10:00:00Z',
    signatory: { firstName: 'Lee', lastName: 'Chen', email: 'lee@fabrikam.com' },
    company: { name: company, country: 'US', language: 'en' },
  };
}

/** The agreement step done for `company`: the signatory typed and a link created (pending). */
const signed = (company = 'Fabrikam, Inc.', status: AcceptanceRequest['status'] = 'link-generated') => ({ ...signatory, acceptance: acceptanceFor(company, status) });

const available = (prefix: string): DomainAvailability => ({
  prefix,
  domain: `${prefix}.onmicrosoft.com`,
  available: true,
  suggestions: [],
});

const fabrikamTenant: TenantLookup = {
  domain: 'fabrikam.onmicrosoft.com',
  exists: true,
  companyName: 'Fabrikam, Inc.',
  tenantId: 't-1',
};

function quoteFor(lines: readonly OrderLineInput[], id = 'q-1'): Quote {
  return {
    id,
    currency: 'USD',
    startDate: TODAY,
    lines: lines.map((l) => ({
      ...l,
      name: l.productId,
      unitPrice: 100,
      periodAmount: 100 * l.quantity,
      periodStart: '2025-06-01',
      periodEnd: '2025-06-30',
      proratedFrom: TODAY,
      chargedDays: 16,
      periodDays: 30,
      proratedAmount: 50 * l.quantity,
    })),
    recurringTotal: 500,
    firstInvoiceTotal: 250,
    expiresAt: '2025-06-16T00:00:00Z',
  };
}

function orderSnapshot(overrides: Partial<Order> = {}): Order {
  return {
    id: 'o-1',
    status: 'provisioning',
    createdAt: '2025-06-15T10:00:00Z',
    updatedAt: '2025-06-15T10:00:00Z',
    recipient: { kind: 'internal', companyName: 'Reseller' },
    currency: 'USD',
    lines: [line],
    firstInvoiceTotal: 250,
    tasks: [],
    progress: 0,
    ...overrides,
  };
}

/** Applies actions in order with one env, like the element would. */
function run(state: CheckoutState, actions: CheckoutAction[], env: MachineEnv = testEnv()): CheckoutState {
  return actions.reduce((s, action) => transition(s, action, env), state);
}

const atCustomerType = (env?: MachineEnv) => run(createCheckout([line]), [{ type: 'start' }], env);

/** A new customer with a new tenant, all steps filled, standing on `agreement`. */
function newCustomerAtAgreement(env: MachineEnv = testEnv(), agreement: Agreement = mca): CheckoutState {
  return run(
    atCustomerType(env),
    [
      { type: 'choose-recipient', kind: 'new' },
      { type: 'next' },
      { type: 'update-company', values: company },
      { type: 'next' },
      { type: 'update-tenant', values: { hasTenant: false, prefix: 'fabrikamnew' } },
      { type: 'availability-loaded', availability: available('fabrikamnew') },
      { type: 'next' },
      { type: 'agreement-loaded', agreement },
    ],
    env,
  );
}

function newCustomerAtReview(env: MachineEnv = testEnv(), agreement: Agreement = mca): CheckoutState {
  return run(
    newCustomerAtAgreement(env, agreement),
    [{ type: 'update-agreement', values: signed() }, { type: 'next' }],
    env,
  );
}

function internalAtReview(env: MachineEnv = testEnv()): CheckoutState {
  return run(
    atCustomerType(env),
    [{ type: 'choose-recipient', kind: 'internal' }, { type: 'next' }, { type: 'quote-loaded', quote: quoteFor([line]) }],
    env,
  );
}

function placed(env: MachineEnv = testEnv(), order: Order = orderSnapshot()): CheckoutState {
  return run(internalAtReview(env), [{ type: 'order-submitting' }, { type: 'order-placed', order }], env);
}

// ---------------------------------------------------------------------------------------

describe('checkout machine', () => {
  describe('cart and start', () => {
    it('starts at the cart with nothing chosen', () => {
      const state = createCheckout();
      expect(state.step).to.equal('cart');
      expect(state.recipientKind).to.equal(undefined);
      expect(orderPhase(state)).to.equal('editing');
    });

    it('does not start with an empty cart', () => {
      const state = createCheckout();
      expect(transition(state, { type: 'start' })).to.equal(state);
      expect(transition(state, { type: 'next' })).to.equal(state);
      expect(stepErrors(state)).to.deep.equal({ lines: 'required' });
    });

    it('does not start with an invalid line', () => {
      const state = createCheckout([{ ...line, quantity: 0 }]);
      expect(transition(state, { type: 'start' }, testEnv())).to.equal(state);
      expect(stepErrors(state)).to.deep.equal({ 'lines.0': 'quantity' });
    });

    it('checks lines against the catalog when it is loaded', () => {
      let state = run(createCheckout([{ ...line, quantity: 301 }]), [{ type: 'catalog-loaded', catalog }]);
      expect(stepErrors(state)).to.deep.equal({ 'lines.0': 'quantity' });
      state = transition(state, { type: 'set-lines', lines: [{ ...line, term: 'P3Y' }] });
      expect(stepErrors(state)).to.deep.equal({ 'lines.0': 'offer' });
      expect(transition(state, { type: 'start' }, testEnv())).to.equal(state);
    });

    it('starts with at least one valid line and goes to customer-type', () => {
      const state = atCustomerType();
      expect(state.step).to.equal('customer-type');
      expect(state.visited).to.deep.equal(['cart', 'customer-type']);
    });

    it('start does nothing away from the cart', () => {
      const state = atCustomerType();
      expect(transition(state, { type: 'start' })).to.equal(state);
    });

    it('goes back to the cart when the host empties the cart later in the flow', () => {
      const state = transition(internalAtReview(), { type: 'set-lines', lines: [] });
      expect(state.step).to.equal('cart');
      expect(state.lines).to.deep.equal([]);
    });

    it('copies the lines it is given, so a caller mutating its array changes nothing', () => {
      const lines = [{ ...line }];
      const state = transition(createCheckout(), { type: 'set-lines', lines });
      lines[0]!.quantity = 99;
      expect(state.lines[0]!.quantity).to.equal(5);
    });

    it('takes a frozen cart as is, and the same or an equal cart again changes nothing', () => {
      const cart = Object.freeze([Object.freeze({ ...line }), Object.freeze({ ...line2 })]);
      const state = transition(createCheckout(), { type: 'set-lines', lines: cart });
      expect(state.lines).to.equal(cart);
      expect(transition(state, { type: 'set-lines', lines: cart })).to.equal(state);
      expect(transition(state, { type: 'set-lines', lines: [{ ...line }, { ...line2 }] })).to.equal(state);
    });

    it('a changed line of a frozen cart replaces only that line; the others keep their objects', () => {
      const first = Object.freeze({ ...line });
      const state = transition(createCheckout(), { type: 'set-lines', lines: Object.freeze([first, Object.freeze({ ...line2 })]) });
      const next = transition(state, { type: 'set-lines', lines: Object.freeze([first, Object.freeze({ ...line2, quantity: 3 })]) });
      expect(next).not.to.equal(state);
      expect(next.lines[0]).to.equal(first);
      expect(next.lines.map((l) => l.quantity)).to.deep.equal([5, 3]);
    });

    it('takes an invalid line on the cart step, and goes back to the cart with one later in the flow', () => {
      const cartStep = transition(run(createCheckout([line]), [{ type: 'catalog-loaded', catalog }]), { type: 'set-lines', lines: [{ ...line, quantity: 301 }] });
      expect(cartStep.step).to.equal('cart');
      expect(stepErrors(cartStep)).to.deep.equal({ 'lines.0': 'quantity' });
      const later = transition(internalAtReview(), { type: 'set-lines', lines: [{ ...line, quantity: 0 }] });
      expect(later.step).to.equal('cart');
      expect(later.quote).to.equal(undefined);
    });
  });

  describe('steps for each recipient (the skips)', () => {
    it('internal: cart, customer-type, review', () => {
      const state = transition(atCustomerType(), { type: 'choose-recipient', kind: 'internal' });
      expect(stepsFor(state)).to.deep.equal(['cart', 'customer-type', 'review', 'provisioning']);
      expect(transition(state, { type: 'next' }, testEnv()).step).to.equal('review');
    });

    it('existing customer with the agreement on file: straight to review', () => {
      const state = transition(atCustomerType(), { type: 'select-customer', customer: onFile });
      expect(stepsFor(state)).to.deep.equal(['cart', 'customer-type', 'review', 'provisioning']);
      expect(transition(state, { type: 'next' }, testEnv()).step).to.equal('review');
    });

    it('existing customer without the agreement on file: agreement, then review', () => {
      const env = testEnv();
      let state = run(atCustomerType(env), [{ type: 'select-customer', customer: notOnFile }], env);
      expect(stepsFor(state)).to.deep.equal(['cart', 'customer-type', 'agreement', 'review', 'provisioning']);
      state = transition(state, { type: 'next' }, env);
      expect(state.step).to.equal('agreement');
      state = run(state, [{ type: 'agreement-loaded', agreement: mca }, { type: 'update-agreement', values: signed('Adatum Corp') }, { type: 'next' }], env);
      expect(state.step).to.equal('review');
    });

    it('new customer: details, tenant, agreement, review', () => {
      const env = testEnv();
      let state = transition(atCustomerType(env), { type: 'choose-recipient', kind: 'new' }, env);
      expect(stepsFor(state)).to.deep.equal([
        'cart',
        'customer-type',
        'customer-details',
        'tenant-domain',
        'agreement',
        'review',
        'provisioning',
      ]);
      state = transition(state, { type: 'next' }, env);
      expect(state.step).to.equal('customer-details');
      state = newCustomerAtReview(env);
      expect(state.step).to.equal('review');
      expect(state.visited).to.deep.equal(['cart', 'customer-type', 'customer-details', 'tenant-domain', 'agreement', 'review']);
    });

    it('customer-type needs a kind, and a picked customer for "existing"', () => {
      const env = testEnv();
      const state = atCustomerType(env);
      expect(stepErrors(state)).to.deep.equal({ recipientKind: 'required' });
      expect(transition(state, { type: 'next' }, env)).to.equal(state);
      const existing = transition(state, { type: 'choose-recipient', kind: 'existing' }, env);
      expect(stepErrors(existing)).to.deep.equal({ customer: 'required' });
      expect(canGoNext(existing)).to.equal(false);
      expect(transition(existing, { type: 'next' }, env)).to.equal(existing);
    });
  });

  describe('"next" only when the step is valid', () => {
    it('customer-details: blocked until the company form is valid', () => {
      const env = testEnv();
      let state = run(atCustomerType(env), [{ type: 'choose-recipient', kind: 'new' }, { type: 'next' }], env);
      state = transition(state, { type: 'update-company', values: { ...company, email: 'not-an-email' } }, env);
      expect(stepErrors(state)).to.deep.equal({ email: 'email' });
      expect(transition(state, { type: 'next' }, env)).to.equal(state);
      state = transition(state, { type: 'update-company', values: { email: 'dana@fabrikam.com' } }, env);
      expect(transition(state, { type: 'next' }, env).step).to.equal('tenant-domain');
    });

    it('tenant-domain (new): an invalid prefix blocks', () => {
      const env = testEnv();
      const state = run(
        newCustomerAtAgreement(env),
        [{ type: 'back' }, { type: 'update-tenant', values: { prefix: 'fabrikam new' } }],
        env,
      );
      expect(state.step).to.equal('tenant-domain');
      expect(stepErrors(state)).to.deep.equal({ prefix: 'prefix-chars' });
      expect(transition(state, { type: 'next' }, env)).to.equal(state);
    });

    it('tenant-domain (new): a valid prefix blocks until it is known to be available', () => {
      const env = testEnv();
      let state = run(newCustomerAtAgreement(env), [{ type: 'back' }, { type: 'update-tenant', values: { prefix: 'fabrikam2' } }], env);
      expect(stepErrors(state)).to.deep.equal({ prefix: 'prefix-unchecked' });
      expect(transition(state, { type: 'next' }, env)).to.equal(state);
      state = transition(state, { type: 'availability-loaded', availability: { ...available('fabrikam2'), available: false, suggestions: ['fabrikam3'] } }, env);
      expect(stepErrors(state)).to.deep.equal({ prefix: 'prefix-taken' });
      expect(transition(state, { type: 'next' }, env)).to.equal(state);
      state = transition(state, { type: 'availability-loaded', availability: available('fabrikam2') }, env);
      expect(transition(state, { type: 'next' }, env).step).to.equal('agreement');
    });

    it('tenant-domain (new): availability for another prefix does not count', () => {
      const env = testEnv();
      let state = run(newCustomerAtAgreement(env), [{ type: 'back' }], env);
      expect(stepErrors(state)).to.deep.equal({});
      // Typing drops the answer for the old prefix…
      state = transition(state, { type: 'update-tenant', values: { prefix: 'fabrikamx' } }, env);
      expect(state.tenant.availability).to.equal(undefined);
      expect(stepErrors(state)).to.deep.equal({ prefix: 'prefix-unchecked' });
      // …and a late answer for it is ignored.
      expect(transition(state, { type: 'availability-loaded', availability: available('fabrikamnew') }, env)).to.equal(state);
    });

    it('tenant-domain (new): availability ignores letter case (DNS does)', () => {
      const env = testEnv();
      let state = run(newCustomerAtAgreement(env), [{ type: 'back' }, { type: 'update-tenant', values: { prefix: 'FabrikamNew' } }], env);
      expect(state.tenant.availability?.prefix).to.equal('fabrikamnew');
      expect(stepErrors(state)).to.deep.equal({});
      state = transition(state, { type: 'update-tenant', values: { prefix: 'Other' } }, env);
      state = transition(state, { type: 'availability-loaded', availability: available('other') }, env);
      expect(stepErrors(state)).to.deep.equal({});
    });

    it('tenant-domain (existing): needs a lookup that exists with the same company name', () => {
      const env = testEnv();
      let state = run(
        newCustomerAtAgreement(env),
        [{ type: 'back' }, { type: 'update-tenant', values: { hasTenant: true, domain: 'fabrikam.onmicrosoft.com' } }],
        env,
      );
      expect(stepErrors(state)).to.deep.equal({ domain: 'tenant-unchecked' });
      state = transition(state, { type: 'tenant-loaded', lookup: { domain: 'fabrikam.onmicrosoft.com', exists: false } }, env);
      expect(stepErrors(state)).to.deep.equal({ domain: 'tenant-not-found' });
      expect(transition(state, { type: 'next' }, env)).to.equal(state);
      state = transition(state, { type: 'tenant-loaded', lookup: fabrikamTenant }, env);
      expect(stepErrors(state)).to.deep.equal({});
      expect(transition(state, { type: 'next' }, env).step).to.equal('agreement');
    });

    it('tenant-domain (existing): a registered name that differs by one character blocks', () => {
      const env = testEnv();
      for (const name of ['Fabrikam, Inc', 'Fabrikam Inc.', 'fabrikam, inc.', 'Fabrikam,  Inc.']) {
        let state = run(
          newCustomerAtAgreement(env),
          [
            { type: 'back' },
            { type: 'back' },
            { type: 'update-company', values: { companyName: name } },
            { type: 'next' },
            { type: 'update-tenant', values: { hasTenant: true, domain: 'fabrikam.onmicrosoft.com' } },
            { type: 'tenant-loaded', lookup: fabrikamTenant },
          ],
          env,
        );
        expect(state.step, name).to.equal('tenant-domain');
        expect(stepErrors(state), name).to.deep.equal({ domain: 'company-name-mismatch' });
        expect(transition(state, { type: 'next' }, env), name).to.equal(state);
        // Fixing the name (one step back) clears the mismatch.
        state = run(state, [{ type: 'back' }, { type: 'update-company', values: { companyName: 'Fabrikam, Inc.' } }, { type: 'next' }], env);
        expect(stepErrors(state), name).to.deep.equal({});
      }
    });

    it('tenant-domain (existing): a lookup for another domain does not count', () => {
      const env = testEnv();
      let state = run(
        newCustomerAtAgreement(env),
        [
          { type: 'back' },
          { type: 'update-tenant', values: { hasTenant: true, domain: 'fabrikam.onmicrosoft.com' } },
          { type: 'tenant-loaded', lookup: fabrikamTenant },
          { type: 'update-tenant', values: { domain: 'other.onmicrosoft.com' } },
        ],
        env,
      );
      expect(state.tenant.lookup).to.equal(undefined);
      expect(stepErrors(state)).to.deep.equal({ domain: 'tenant-unchecked' });
      expect(transition(state, { type: 'tenant-loaded', lookup: fabrikamTenant }, env)).to.equal(state);
    });

    it('tenant-domain: switching the checkbox keeps both typed values', () => {
      const env = testEnv();
      let state = run(newCustomerAtAgreement(env), [{ type: 'back' }, { type: 'update-tenant', values: { hasTenant: true, domain: 'x.onmicrosoft.com' } }], env);
      state = transition(state, { type: 'update-tenant', values: { hasTenant: false } }, env);
      expect(state.tenant.prefix).to.equal('fabrikamnew');
      expect(state.tenant.domain).to.equal('x.onmicrosoft.com');
      expect(stepErrors(state)).to.deep.equal({});
    });

    it('agreement: blocked until a link exists for this company; a pending one is enough', () => {
      const env = testEnv();
      let state = newCustomerAtAgreement(env);
      expect(state.step).to.equal('agreement');
      expect(stepErrors(state)).to.deep.equal({ acceptance: 'acceptance-missing' });
      expect(transition(state, { type: 'next' }, env)).to.equal(state);
      // The signatory typed is not enough: the link is what the customer needs.
      state = transition(state, { type: 'update-agreement', values: signatory }, env);
      expect(transition(state, { type: 'next' }, env)).to.equal(state);
      state = transition(state, { type: 'update-agreement', values: { acceptance: acceptanceFor('Tailspin Toys') } }, env);
      expect(stepErrors(state)).to.deep.equal({ acceptance: 'acceptance-stale' });
      expect(transition(state, { type: 'next' }, env)).to.equal(state);
      state = transition(state, { type: 'update-agreement', values: { acceptance: acceptanceFor('Fabrikam, Inc.', 'link-expired') } }, env);
      expect(stepErrors(state)).to.deep.equal({ acceptance: 'acceptance-missing' });
      state = transition(state, { type: 'update-agreement', values: { acceptance: acceptanceFor('Fabrikam, Inc.') } }, env);
      expect(stepErrors(state)).to.deep.equal({});
      expect(transition(state, { type: 'next' }, env).step).to.equal('review');
    });

    it('agreement: where acceptance must come first, only an accepted link goes on', () => {
      const env = testEnv();
      let state = run(newCustomerAtAgreement(env, acceptFirst), [{ type: 'update-agreement', values: signed() }], env);
      expect(stepErrors(state)).to.deep.equal({ acceptance: 'acceptance-pending' });
      expect(transition(state, { type: 'next' }, env)).to.equal(state);
      state = transition(state, { type: 'acceptance-updated', acceptance: acceptanceFor('Fabrikam, Inc.', 'customer-accepted') }, env);
      expect(state.agreementDraft.acceptance?.status).to.equal('customer-accepted');
      expect(transition(state, { type: 'next' }, env).step).to.equal('review');
    });

    it('agreement: a newer status of the same request replaces it; another request’s is ignored', () => {
      const env = testEnv();
      const state = run(newCustomerAtAgreement(env), [{ type: 'update-agreement', values: signed() }], env);
      expect(transition(state, { type: 'acceptance-updated', acceptance: acceptanceFor('Fabrikam, Inc.', 'customer-accepted', 'mca_other') }, env)).to.equal(state);
      expect(transition(state, { type: 'acceptance-updated', acceptance: acceptanceFor('Fabrikam, Inc.') }, env)).to.equal(state);
      const accepted = transition(state, { type: 'acceptance-updated', acceptance: acceptanceFor('Fabrikam, Inc.', 'customer-accepted') }, env);
      expect(accepted.agreementDraft).to.deep.equal({ ...state.agreementDraft, acceptance: acceptanceFor('Fabrikam, Inc.', 'customer-accepted') });
    });

    it('agreement: blocked until the agreement is loaded', () => {
      const env = testEnv();
      const state = run(atCustomerType(env), [{ type: 'select-customer', customer: notOnFile }, { type: 'next' }, { type: 'update-agreement', values: signed('Adatum Corp') }], env);
      expect(state.step).to.equal('agreement');
      expect(stepErrors(state)).to.deep.equal({ agreement: 'not-loaded' });
      expect(transition(state, { type: 'next' }, env)).to.equal(state);
    });

    it('next does nothing on review (placing the order is its own action)', () => {
      const state = internalAtReview();
      expect(canGoNext(state)).to.equal(false);
      expect(transition(state, { type: 'next' })).to.equal(state);
    });
  });

  describe('back and go-to', () => {
    it('back walks the path of the current recipient', () => {
      const env = testEnv();
      let state = newCustomerAtReview(env);
      const seen: string[] = [state.step];
      while (canGoBack(state)) {
        state = transition(state, { type: 'back' }, env);
        seen.push(state.step);
      }
      expect(seen).to.deep.equal(['review', 'agreement', 'tenant-domain', 'customer-details', 'customer-type', 'cart']);
    });

    it('back from review skips the agreement for an existing customer with it on file', () => {
      const env = testEnv();
      const state = run(atCustomerType(env), [{ type: 'select-customer', customer: onFile }, { type: 'next' }, { type: 'back' }], env);
      expect(state.step).to.equal('customer-type');
    });

    it('back does nothing on the cart', () => {
      const state = createCheckout([line]);
      expect(canGoBack(state)).to.equal(false);
      expect(transition(state, { type: 'back' })).to.equal(state);
    });

    it('going back and forth keeps everything typed', () => {
      const env = testEnv();
      const review = newCustomerAtReview(env);
      const again = run(
        review,
        [{ type: 'back' }, { type: 'back' }, { type: 'back' }, { type: 'back' }, { type: 'next' }, { type: 'next' }, { type: 'next' }, { type: 'next' }],
        env,
      );
      expect(again.step).to.equal('review');
      expect(again.company).to.deep.equal(review.company);
      expect(again.tenant).to.deep.equal(review.tenant);
      expect(again.agreementDraft).to.deep.equal(review.agreementDraft);
    });

    it('go-to jumps back to any visited step', () => {
      const env = testEnv();
      const state = transition(newCustomerAtReview(env), { type: 'go-to', step: 'customer-details' }, env);
      expect(state.step).to.equal('customer-details');
    });

    it('go-to jumps forward to a visited step only across valid steps', () => {
      const env = testEnv();
      const details = transition(newCustomerAtReview(env), { type: 'go-to', step: 'customer-details' }, env);
      expect(transition(details, { type: 'go-to', step: 'review' }, env).step).to.equal('review');
      // Break the tenant step: the jump stops being possible.
      const broken = run(details, [{ type: 'update-company', values: { companyName: 'Other' } }, { type: 'go-to', step: 'tenant-domain' }, { type: 'update-tenant', values: { prefix: 'bad prefix' } }, { type: 'go-to', step: 'customer-details' }], env);
      expect(broken.step).to.equal('customer-details');
      expect(transition(broken, { type: 'go-to', step: 'review' }, env)).to.equal(broken);
    });

    it('go-to refuses steps not visited or not on the path', () => {
      const env = testEnv();
      const state = run(atCustomerType(env), [{ type: 'choose-recipient', kind: 'internal' }], env);
      expect(transition(state, { type: 'go-to', step: 'review' }, env)).to.equal(state);
      expect(transition(state, { type: 'go-to', step: 'customer-details' }, env)).to.equal(state);
      expect(transition(state, { type: 'go-to', step: 'provisioning' }, env)).to.equal(state);
    });
  });

  describe('one recipient per checkout', () => {
    it('changing the kind clears the previous recipient (drafts, tenant, agreement, quote)', () => {
      const env = testEnv();
      const review = transition(newCustomerAtReview(env), { type: 'quote-loaded', quote: quoteFor([line]) }, env);
      expect(review.quote).to.not.equal(undefined);
      const state = transition(review, { type: 'choose-recipient', kind: 'internal' }, env);
      expect(state.recipientKind).to.equal('internal');
      expect(state.company.companyName).to.equal('');
      expect(state.tenant).to.deep.equal({ hasTenant: false, domain: '', prefix: '' });
      expect(state.agreementDraft.firstName).to.equal('');
      expect(state.quote).to.equal(undefined);
      expect(state.step).to.equal('customer-type');
      expect(state.visited).to.deep.equal(['cart', 'customer-type']);
      // The agreement and the store's rule are the backend's, not the recipient's: kept.
      expect(state.agreement).to.deep.equal(mca);
      expect(state.agreementDraft.acceptance).to.equal(undefined);
    });

    it('choosing the same kind again keeps everything', () => {
      const env = testEnv();
      const state = run(newCustomerAtReview(env), [{ type: 'go-to', step: 'customer-type' }], env);
      expect(transition(state, { type: 'choose-recipient', kind: 'new' }, env)).to.equal(state);
    });

    it('new → existing → new does not bring the old company back', () => {
      const env = testEnv();
      const state = run(
        newCustomerAtReview(env),
        [
          { type: 'go-to', step: 'customer-type' },
          { type: 'choose-recipient', kind: 'existing' },
          { type: 'choose-recipient', kind: 'new' },
        ],
        env,
      );
      expect(state.company.companyName).to.equal('');
      expect(state.tenant.prefix).to.equal('');
    });

    it('another existing customer clears the agreement form and quote', () => {
      const env = testEnv();
      let state = run(
        atCustomerType(env),
        [
          { type: 'select-customer', customer: notOnFile },
          { type: 'next' },
          { type: 'agreement-loaded', agreement: mca },
          { type: 'update-agreement', values: signed('Adatum Corp') },
          { type: 'next' },
          { type: 'quote-loaded', quote: quoteFor([line]) },
        ],
        env,
      );
      expect(state.step).to.equal('review');
      state = run(state, [{ type: 'go-to', step: 'customer-type' }, { type: 'select-customer', customer: { ...notOnFile, id: 'c-3' } }], env);
      expect(state.customer?.id).to.equal('c-3');
      expect(state.agreementDraft.firstName).to.equal('');
      // Another customer's link is not this one's.
      expect(state.agreementDraft.acceptance).to.equal(undefined);
      expect(state.quote).to.equal(undefined);
      expect(state.visited).to.deep.equal(['cart', 'customer-type']);
    });

    it('the same existing customer again keeps the agreement form', () => {
      const env = testEnv();
      const state = run(
        atCustomerType(env),
        [{ type: 'select-customer', customer: notOnFile }, { type: 'next' }, { type: 'update-agreement', values: signatory }, { type: 'back' }],
        env,
      );
      expect(transition(state, { type: 'select-customer', customer: { ...notOnFile } }, env)).to.equal(state);
    });

    it('picking a customer while "new" was chosen switches to existing and clears the company', () => {
      const env = testEnv();
      const state = run(
        atCustomerType(env),
        [{ type: 'choose-recipient', kind: 'new' }, { type: 'update-company', values: company }, { type: 'select-customer', customer: onFile }],
        env,
      );
      expect(state.recipientKind).to.equal('existing');
      expect(state.customer).to.deep.equal(onFile);
      expect(state.company.companyName).to.equal('');
    });

    it('forms of another recipient kind cannot be filled', () => {
      const env = testEnv();
      const state = run(atCustomerType(env), [{ type: 'choose-recipient', kind: 'internal' }], env);
      expect(transition(state, { type: 'update-company', values: company }, env)).to.equal(state);
      expect(transition(state, { type: 'update-tenant', values: { prefix: 'x' } }, env)).to.equal(state);
      expect(transition(state, { type: 'update-agreement', values: signatory }, env)).to.equal(state);
    });
  });

  describe('quote', () => {
    it('changing the lines clears the quote', () => {
      const env = testEnv();
      const state = internalAtReview(env);
      expect(state.quote?.id).to.equal('q-1');
      const changed = transition(state, { type: 'set-lines', lines: [line, line2] }, env);
      expect(changed.quote).to.equal(undefined);
      expect(changed.step).to.equal('review');
    });

    it('setting the same lines keeps the quote', () => {
      const state = internalAtReview();
      expect(transition(state, { type: 'set-lines', lines: [{ ...line }] })).to.equal(state);
    });

    it('a late quote for other lines is ignored', () => {
      const env = testEnv();
      const state = run(internalAtReview(env), [{ type: 'set-lines', lines: [line, line2] }], env);
      expect(transition(state, { type: 'quote-loaded', quote: quoteFor([line], 'q-old') }, env)).to.equal(state);
      expect(transition(state, { type: 'quote-loaded', quote: quoteFor([line2, line], 'q-2') }, env).quote?.id).to.equal('q-2');
    });

    it('editing the recipient clears the quote', () => {
      const env = testEnv();
      const state = run(newCustomerAtReview(env), [{ type: 'quote-loaded', quote: quoteFor([line]) }, { type: 'go-to', step: 'customer-details' }, { type: 'update-company', values: { city: 'Seattle' } }], env);
      expect(state.quote).to.equal(undefined);
    });
  });

  describe('building the requests', () => {
    it('internal recipient', () => {
      const state = internalAtReview();
      expect(buildRecipient(state)).to.deep.equal({ kind: 'internal' });
      expect(buildOrderRequest(state)).to.deep.equal({ lines: [line], recipient: { kind: 'internal' }, quoteId: 'q-1' });
    });

    it('existing customer with the agreement on file: no acceptance sent', () => {
      const env = testEnv();
      const state = run(atCustomerType(env), [{ type: 'agreement-loaded', agreement: mca }, { type: 'select-customer', customer: onFile }, { type: 'next' }], env);
      const request = buildOrderRequest(state);
      expect(request?.recipient).to.deep.equal({ kind: 'existing', customerId: 'c-1' });
      expect(request).to.not.have.property('agreement');
    });

    it('existing customer without it: the order references the acceptance request', () => {
      const env = testEnv();
      const state = run(
        atCustomerType(env),
        [{ type: 'select-customer', customer: notOnFile }, { type: 'next' }, { type: 'agreement-loaded', agreement: mca }, { type: 'update-agreement', values: signed('Adatum Corp') }, { type: 'next' }],
        env,
      );
      const request = buildOrderRequest(state)!;
      expect(request.agreementAcceptanceId).to.equal('mca_1');
      expect(request).to.not.have.property('agreement');
    });

    it('new customer, new tenant: a complete, contract-valid request referencing the pending acceptance', () => {
      const request = buildOrderRequest(newCustomerAtReview())!;
      expect(OrderRequest.safeParse(request).success).to.equal(true);
      expect(request.recipient).to.deep.equal({
        kind: 'new',
        company: {
          companyName: 'Fabrikam, Inc.',
          address: { country: 'US', line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052' },
          contact: { firstName: 'Dana', lastName: 'Smith', email: 'dana@fabrikam.com' },
        },
        tenant: { kind: 'new', prefix: 'fabrikamnew' },
      });
      expect(request.agreementAcceptanceId).to.equal('mca_1');
      expect(request).to.not.have.property('agreement');
    });

    it('new customer, existing tenant: the domain is sent trimmed and lower-cased', () => {
      const env = testEnv();
      const state = run(
        newCustomerAtReview(env),
        [
          { type: 'go-to', step: 'tenant-domain' },
          { type: 'update-tenant', values: { hasTenant: true, domain: ' Fabrikam.onmicrosoft.com ' } },
          { type: 'tenant-loaded', lookup: fabrikamTenant },
          { type: 'go-to', step: 'review' },
        ],
        env,
      );
      expect(state.step).to.equal('review');
      expect(buildRecipient(state)).to.deep.include({ tenant: { kind: 'existing', domain: 'fabrikam.onmicrosoft.com' } });
    });

    it('a company renamed after the link was made: no order until a new link', () => {
      const env = testEnv();
      const state = run(newCustomerAtReview(env), [{ type: 'go-to', step: 'customer-details' }, { type: 'update-company', values: { companyName: 'Fabrikam Europe' } }], env);
      expect(buildOrderRequest(state)).to.equal(undefined);
      expect(firstInvalidStep(state)).to.equal('agreement');
    });

    it('nothing to build while a step is incomplete', () => {
      const env = testEnv();
      const state = run(atCustomerType(env), [{ type: 'choose-recipient', kind: 'new' }, { type: 'next' }, { type: 'update-company', values: company }], env);
      expect(buildRecipient(state)).to.equal(undefined);
      expect(buildQuoteRequest(state)).to.equal(undefined);
      expect(buildOrderRequest(state)).to.equal(undefined);
      expect(firstInvalidStep(state)).to.equal('tenant-domain');
    });

    it('a quote request once the recipient is complete, before the agreement', () => {
      const env = testEnv();
      const state = newCustomerAtAgreement(env);
      expect(buildQuoteRequest(state)?.recipient.kind).to.equal('new');
      expect(buildOrderRequest(state)).to.equal(undefined);
    });
  });

  describe('placing the order', () => {
    it('needs the quote', () => {
      const env = testEnv();
      const state = run(atCustomerType(env), [{ type: 'choose-recipient', kind: 'internal' }, { type: 'next' }], env);
      expect(canPlaceOrder(state)).to.equal(false);
      expect(transition(state, { type: 'order-submitting' }, env)).to.equal(state);
    });

    it('a double submit is one attempt with one key', () => {
      const env = testEnv();
      const first = transition(internalAtReview(env), { type: 'order-submitting' }, env);
      expect(first.submission).to.deep.include({ idempotencyKey: 'key-1', inFlight: true });
      expect(orderPhase(first)).to.equal('submitting');
      expect(transition(first, { type: 'order-submitting' }, env)).to.equal(first);
      expect(env.issued).to.equal(1);
    });

    it('a retry after a failed attempt reuses the key', () => {
      const env = testEnv();
      const state = run(
        internalAtReview(env),
        [{ type: 'order-submitting' }, { type: 'order-submit-failed' }, { type: 'order-submitting' }, { type: 'order-submit-failed' }, { type: 'order-submitting' }],
        env,
      );
      expect(state.submission?.idempotencyKey).to.equal('key-1');
      expect(env.issued).to.equal(1);
    });

    it('a change of the order content gets a new key', () => {
      const env = testEnv();
      let state = run(internalAtReview(env), [{ type: 'order-submitting' }, { type: 'order-submit-failed' }], env);
      state = run(state, [{ type: 'set-lines', lines: [{ ...line, quantity: 6 }] }, { type: 'quote-loaded', quote: quoteFor([{ ...line, quantity: 6 }]) }, { type: 'order-submitting' }], env);
      expect(state.submission?.idempotencyKey).to.equal('key-2');
    });

    it('nothing can change while the request is in flight', () => {
      const env = testEnv();
      const state = transition(internalAtReview(env), { type: 'order-submitting' }, env);
      expect(canGoBack(state)).to.equal(false);
      for (const action of [
        { type: 'back' },
        { type: 'go-to', step: 'cart' },
        { type: 'set-lines', lines: [line2] },
        { type: 'choose-recipient', kind: 'new' },
        { type: 'quote-loaded', quote: quoteFor([line], 'q-9') },
        { type: 'reset' },
      ] as CheckoutAction[]) {
        expect(transition(state, action, env), action.type).to.equal(state);
      }
      expect(navigationGuardNeeded(state)).to.equal(true);
    });

    it('order-placed moves to provisioning and keeps the key', () => {
      const env = testEnv();
      const state = placed(env);
      expect(state.step).to.equal('provisioning');
      expect(state.orderId).to.equal('o-1');
      expect(state.submission).to.deep.include({ idempotencyKey: 'key-1', inFlight: false });
      expect(orderPhase(state)).to.equal('provisioning');
    });

    it('order-placed without a placement attempt is ignored', () => {
      const state = internalAtReview();
      expect(transition(state, { type: 'order-placed', order: orderSnapshot() })).to.equal(state);
    });

    it('an answer arriving after the attempt was given up still counts (the order exists)', () => {
      const env = testEnv();
      const state = run(internalAtReview(env), [{ type: 'order-submitting' }, { type: 'order-submit-failed' }, { type: 'order-placed', order: orderSnapshot() }], env);
      expect(state.orderId).to.equal('o-1');
    });

    it('a second, different order is ignored', () => {
      const state = placed();
      expect(transition(state, { type: 'order-placed', order: orderSnapshot({ id: 'o-2' }) })).to.equal(state);
    });
  });

  describe('after the order is placed', () => {
    it('no going back, ever', () => {
      const env = testEnv();
      for (const status of ['provisioning', 'waiting', 'completed', 'failed'] as const) {
        const state = placed(env, orderSnapshot({ status }));
        expect(canGoBack(state), status).to.equal(false);
        expect(transition(state, { type: 'back' }, env), status).to.equal(state);
        for (const step of ['cart', 'customer-type', 'review'] as const) {
          expect(transition(state, { type: 'go-to', step }, env), `${status} ${step}`).to.equal(state);
        }
        expect(transition(state, { type: 'next' }, env), status).to.equal(state);
      }
    });

    it('the lines and the recipient are frozen', () => {
      const env = testEnv();
      const state = placed(env);
      expect(transition(state, { type: 'set-lines', lines: [line2] }, env)).to.equal(state);
      expect(transition(state, { type: 'choose-recipient', kind: 'new' }, env)).to.equal(state);
      expect(transition(state, { type: 'select-customer', customer: onFile }, env)).to.equal(state);
      expect(transition(state, { type: 'order-submitting' }, env)).to.equal(state);
    });

    it('follows newer snapshots of the same order and ignores others', () => {
      const env = testEnv();
      let state = placed(env);
      const newer = orderSnapshot({ updatedAt: '2025-06-15T10:00:05Z', progress: 0.5 });
      state = transition(state, { type: 'order-updated', order: newer }, env);
      expect(state.order?.progress).to.equal(0.5);
      expect(transition(state, { type: 'order-updated', order: orderSnapshot({ updatedAt: '2025-06-15T10:00:01Z', progress: 0.2 }) }, env)).to.equal(state);
      expect(transition(state, { type: 'order-updated', order: orderSnapshot({ id: 'o-2', updatedAt: '2025-06-15T11:00:00Z' }) }, env)).to.equal(state);
    });

    it('the guard is needed while tasks run, not while waiting or finished', () => {
      const env = testEnv();
      const running = placed(env);
      expect(navigationGuardNeeded(running)).to.equal(true);
      const waiting = transition(running, { type: 'order-updated', order: orderSnapshot({ status: 'waiting', updatedAt: '2025-06-15T10:01:00Z' }) }, env);
      expect(orderPhase(waiting)).to.equal('waiting');
      expect(navigationGuardNeeded(waiting)).to.equal(false);
      expect(navigationGuardNeeded(internalAtReview())).to.equal(false);
    });

    it('completion empties the cart; the order keeps what was ordered', () => {
      const env = testEnv();
      const done = transition(placed(env), { type: 'order-updated', order: orderSnapshot({ status: 'completed', progress: 1, updatedAt: '2025-06-15T10:02:00Z' }) }, env);
      expect(orderPhase(done)).to.equal('completed');
      expect(done.lines).to.deep.equal([]);
      expect(done.order?.lines).to.deep.equal([line]);
    });

    it('reset is refused while tasks run', () => {
      const state = placed();
      expect(transition(state, { type: 'reset' })).to.equal(state);
    });

    it('reset after completion starts a fresh checkout with an empty cart', () => {
      const env = testEnv();
      const done = transition(placed(env), { type: 'order-updated', order: orderSnapshot({ status: 'completed', updatedAt: '2025-06-15T10:02:00Z' }) }, env);
      const fresh = transition(done, { type: 'reset' }, env);
      expect(fresh.step).to.equal('cart');
      expect(fresh.lines).to.deep.equal([]);
      expect(fresh.recipientKind).to.equal(undefined);
      expect(fresh.orderId).to.equal(undefined);
      expect(fresh.submission).to.equal(undefined);
      expect(fresh.quote).to.equal(undefined);
      expect(orderPhase(fresh)).to.equal('editing');
      // The next order gets a new key.
      const next = run(fresh, [{ type: 'set-lines', lines: [line] }, { type: 'start' }, { type: 'choose-recipient', kind: 'internal' }, { type: 'next' }, { type: 'quote-loaded', quote: quoteFor([line]) }, { type: 'order-submitting' }], env);
      expect(next.submission?.idempotencyKey).to.equal('key-2');
    });

    it('reset while waiting on someone else also empties the cart', () => {
      const state = transition(placed(testEnv(), orderSnapshot({ status: 'waiting' })), { type: 'reset' });
      expect(state.lines).to.deep.equal([]);
    });

    it('reset before any order keeps the cart and drops the recipient', () => {
      const state = transition(newCustomerAtReview(), { type: 'reset' });
      expect(state.step).to.equal('cart');
      expect(state.lines).to.deep.equal([line]);
      expect(state.company.companyName).to.equal('');
    });

    it('a retryable failure goes back to review for a new attempt with a new key', () => {
      const env = testEnv();
      const failed = placed(env, orderSnapshot({ status: 'failed', retryable: true }));
      const retry = transition(failed, { type: 'retry-order' }, env);
      expect(retry.step).to.equal('review');
      expect(retry.orderId).to.equal(undefined);
      expect(retry.quote).to.equal(undefined);
      expect(orderPhase(retry)).to.equal('editing');
      const again = run(retry, [{ type: 'quote-loaded', quote: quoteFor([line], 'q-2') }, { type: 'order-submitting' }], env);
      expect(again.submission?.idempotencyKey).to.equal('key-2');
    });

    it('a failure that is not retryable cannot be retried', () => {
      const failed = placed(testEnv(), orderSnapshot({ status: 'failed', retryable: false }));
      expect(transition(failed, { type: 'retry-order' })).to.equal(failed);
    });
  });

  describe('resume after reload', () => {
    it('follows a stored order id straight to provisioning', () => {
      const state = transition(createCheckout([line]), { type: 'order-resumed', orderId: 'o-1' });
      expect(state.step).to.equal('provisioning');
      expect(orderPhase(state)).to.equal('placed');
      expect(canGoBack(state)).to.equal(false);
      const followed = transition(state, { type: 'order-updated', order: orderSnapshot() });
      expect(orderPhase(followed)).to.equal('provisioning');
    });

    it('takes the order’s lines, not the cart’s', () => {
      const state = transition(createCheckout([line2]), { type: 'order-resumed', orderId: 'o-1', order: orderSnapshot() });
      expect(state.lines).to.deep.equal([line]);
    });

    it('"Try again" on a resumed failed order rebuilds its recipient from the snapshot: an internal order is placeable from the review', () => {
      const env = testEnv();
      const failed = run(createCheckout([line2]), [
        { type: 'catalog-loaded', catalog },
        { type: 'order-resumed', orderId: 'o-1', recipientKind: 'internal' },
        { type: 'order-updated', order: orderSnapshot({ status: 'failed', retryable: true }) },
      ], env);
      const retried = run(failed, [{ type: 'retry-order' }, { type: 'quote-loaded', quote: quoteFor([line]) }], env);
      expect(retried.step).to.equal('review');
      expect(retried.recipientKind).to.equal('internal');
      expect(retried.lines).to.deep.equal([line]);
      expect(canPlaceOrder(retried)).to.equal(true);
      expect(buildOrderRequest(retried)?.recipient).to.deep.equal({ kind: 'internal' });
    });

    it('"Try again" on a resumed failed new-customer order opens its details with what the snapshot carries', () => {
      const createTenant: Order['tasks'][number] = { id: 't-1', kind: 'create-tenant', label: 'Create tenant', status: 'succeeded' };
      const order = orderSnapshot({
        status: 'failed',
        retryable: true,
        recipient: { kind: 'new', companyName: 'Fail Northwind', domain: 'failnw.onmicrosoft.com' },
      });
      const resumed = transition(createCheckout([line]), { type: 'order-resumed', orderId: 'o-1', order });
      const notCreated = transition(resumed, { type: 'retry-order' });
      expect(notCreated.step).to.equal('customer-details');
      expect(notCreated.visited).to.deep.equal(['cart', 'customer-type', 'customer-details']);
      expect(notCreated.company.companyName).to.equal('Fail Northwind');
      expect(notCreated.tenant).to.include({ hasTenant: false, prefix: 'failnw' });
      // The tenant the failed order created exists now: the retry names it.
      const created = transition(transition(createCheckout([line]), { type: 'order-resumed', orderId: 'o-1', order: { ...order, tasks: [createTenant] } }), { type: 'retry-order' });
      expect(created.tenant).to.include({ hasTenant: true, domain: 'failnw.onmicrosoft.com' });
    });

    // Found by the property test: an order resumed while another recipient was being entered (the
    // element resumes when its backend changes mid-draft), then "Try again".
    it('resuming an order drops the recipient being entered: it is not the order’s', () => {
      const env = testEnv();
      const atAgreement = run(atCustomerType(env), [{ type: 'select-customer', customer: notOnFile }, { type: 'agreement-loaded', agreement: mca }, { type: 'next' }], env);
      expect(atAgreement.step).to.equal('agreement');
      const failed = orderSnapshot({ status: 'failed', retryable: true });
      const resumed = transition(atAgreement, { type: 'order-resumed', orderId: 'o-1', order: failed }, env);
      expect(resumed.step).to.equal('provisioning');
      expect(resumed.recipientKind).to.equal(undefined);
      expect(resumed.customer).to.equal(undefined);
      expect(resumed.agreement).to.deep.equal(mca);
      const retried = transition(resumed, { type: 'retry-order' }, env);
      expect(retried.step).to.equal('review');
      expect(retried.visited).to.deep.equal(['cart', 'customer-type', 'review']);
      expect(retried.recipientKind).to.equal('internal');
      expect(retried.customer).to.equal(undefined);
    });

    it('"Try again" on an order resumed over another customer’s review orders for the order’s recipient', () => {
      const env = testEnv();
      const existingAtReview = run(
        atCustomerType(env),
        [{ type: 'select-customer', customer: onFile }, { type: 'next' }, { type: 'quote-loaded', quote: quoteFor([line]) }],
        env,
      );
      expect(canPlaceOrder(existingAtReview)).to.equal(true);
      const retried = run(
        existingAtReview,
        [
          { type: 'order-resumed', orderId: 'o-1', order: orderSnapshot({ status: 'failed', retryable: true, lines: [line2] }) },
          { type: 'retry-order' },
          { type: 'quote-loaded', quote: quoteFor([line2]) },
        ],
        env,
      );
      expect(retried.lines).to.deep.equal([line2]);
      expect(buildOrderRequest(retried)?.recipient).to.deep.equal({ kind: 'internal' });
    });

    it('"Try again" opens the first step that no longer holds, not a review that cannot place the order', () => {
      const env = testEnv();
      const atReview = transition(newCustomerAtReview(env), { type: 'quote-loaded', quote: quoteFor([line]) }, env);
      expect(canPlaceOrder(atReview)).to.equal(true);
      const failed = run(
        atReview,
        [
          { type: 'order-submitting' },
          { type: 'order-placed', order: orderSnapshot({ status: 'failed', retryable: true }) },
          // Followed after the order too: the link expired meanwhile.
          { type: 'acceptance-updated', acceptance: acceptanceFor('Fabrikam, Inc.', 'link-expired') },
        ],
        env,
      );
      const retried = transition(failed, { type: 'retry-order' }, env);
      expect(retried.step).to.equal('agreement');
      expect(retried.visited).to.deep.equal(['cart', 'customer-type', 'customer-details', 'tenant-domain', 'agreement']);
    });

    it('an id the backend does not know is dropped, keeping the cart', () => {
      const resumed = transition(createCheckout([line]), { type: 'order-resumed', orderId: 'o-gone' });
      const state = transition(resumed, { type: 'order-not-found', orderId: 'o-gone' });
      expect(state.step).to.equal('cart');
      expect(state.orderId).to.equal(undefined);
      expect(state.lines).to.deep.equal([line]);
    });
  });

  describe('state', () => {
    it('survives JSON (persistence can store it as is)', () => {
      const state = newCustomerAtReview();
      expect(JSON.parse(JSON.stringify(state))).to.deep.equal(state);
    });

    it('is never mutated by a transition', () => {
      const env = testEnv();
      const state = newCustomerAtReview(env);
      const copy = JSON.parse(JSON.stringify(state));
      run(state, [{ type: 'choose-recipient', kind: 'internal' }, { type: 'reset' }], env);
      run(state, [{ type: 'go-to', step: 'tenant-domain' }, { type: 'update-tenant', values: { prefix: 'zzz' } }], env);
      expect(state).to.deep.equal(copy);
    });

    it('randomKey makes distinct UUID-shaped keys', () => {
      const a = randomKey();
      expect(a).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(randomKey()).to.not.equal(a);
    });
  });
});
