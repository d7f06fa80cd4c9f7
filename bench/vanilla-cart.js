// The vanilla-DOM reference: the checkout's cart step built by hand with createElement, in a
// shadow root with the same style sheets as <lc-checkout> and <lc-cart>, the same markup
// (step list with its numbers and caption, line heading and Remove button, term/billing selects,
// quantity input with hint, unit price and line total with amounts in <bdi>, the per-year
// comparison of a product's offers, totals, notes, Checkout) and the same Intl price formatting.
// Kept in step with the widget's markup: a reference with less markup than the widget measures
// the markup, not the framework (2026-12-01: 197 elements fewer had crept in since 24 Nov).
// It is what the platform costs without any framework or state logic: the lower bound.

const TERM = { P1M: '1 month', P1Y: '1 year', P3Y: '3 years' };
const BILLING = { monthly: 'Billed monthly', annual: 'Billed annually' };
const STEPS = ['Cart', 'Customer', 'Details', 'Domain', 'Agreement', 'Review', 'Provisioning'];

function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function field(id, labelText, control, hint) {
  const wrap = h('div', { class: 'field', part: 'field' }, h('label', { for: id }, labelText), control);
  if (hint) wrap.append(hint);
  return wrap;
}

/**
 * Mounts the reference into `container`. `sheets`: { checkout, cart } arrays of CSSStyleSheet.
 * Returns { host, ready, setQuantity(index, quantity) } where `ready` tells whether the lines
 * and an enabled Checkout button are there (always true once this returns: it is synchronous).
 */
export function mountVanillaCart(container, { catalog, lines, lang = 'en-US', sheets }) {
  const money = new Intl.NumberFormat(lang, { style: 'currency', currency: catalog.currency });
  const byId = new Map(catalog.products.map((p) => [p.id, p]));
  const per = (amount, billing) => [h('bdi', {}, money.format(amount / 100)), ` per ${billing === 'annual' ? 'year' : 'month'}`];
  const state = lines.map((line) => ({ ...line }));

  const host = h('div', { class: 'vanilla-checkout' });
  const outer = host.attachShadow({ mode: 'open' });
  outer.adoptedStyleSheets = sheets.checkout;
  const steps = h('ol', { class: 'step-list', part: 'step-list' });
  const item = (name, n, first) => h('li', { class: first ? 'step-item visited' : 'step-item ', part: 'step-item', 'data-number': String(n), 'aria-current': first ? 'step' : 'false' }, h('span', { class: 'step-name' }, name));
  steps.append(item('Cart', 1, true), item('Recipient', 2), h('li', { class: 'step-more', part: 'step-more' }, h('span', { 'aria-hidden': 'true' }, '…'), h('span', { class: 'visually-hidden' }, 'More steps follow once the recipient is chosen')), item('Review', 3), item('Order', 4));
  const cartHost = h('div', { 'data-step': 'cart' });
  outer.append(h('div', { class: 'checkout narrow', role: 'region', 'aria-label': 'Order licences' }, h('nav', { class: 'steps', 'aria-label': 'Checkout steps' }, steps, h('p', { class: 'step-caption', part: 'step-caption', 'aria-hidden': 'true' }, 'Cart')), h('div', { role: 'status', class: 'visually-hidden', part: 'status' }), h('div', { class: 'body' }, h('div', { class: 'main' }, cartHost))));

  const root = cartHost.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets.cart;
  const list = h('ul', { class: 'lines', role: 'list', 'aria-label': 'Licences in the cart' });
  const totalsList = h('ul', { role: 'list', 'aria-labelledby': 'total-label' });
  const lineTotals = [];
  const unitPrices = [];

  const offerOf = (line) => byId.get(line.productId).offers.find((o) => o.term === line.term && o.billing === line.billing);
  const renderTotals = () => {
    const sums = new Map();
    for (const line of state) sums.set(line.billing, (sums.get(line.billing) ?? 0) + offerOf(line).unitPrice * line.quantity);
    totalsList.replaceChildren(...[...sums].map(([billing, sum]) => h('li', {}, ...per(sum, billing))));
  };

  const perYear = (product, line, id) => {
    if (product.offers.length < 2) return [];
    const rows = product.offers.map((offer) => ({ offer, perYear: offer.billing === 'monthly' ? offer.unitPrice * 12 : offer.unitPrice }));
    const lowest = Math.min(...rows.map((r) => r.perYear));
    const ul = h('ul', { role: 'list', 'aria-labelledby': id });
    for (const { offer, perYear } of rows) {
      const chosen = offer.term === line.term && offer.billing === line.billing;
      const amount = h('span', {}, h('bdi', {}, money.format(perYear / 100)));
      if (perYear === lowest) amount.append(' (lowest)');
      if (chosen) amount.append(' ', h('strong', {}, '(chosen)'));
      ul.append(h('li', { class: chosen ? 'chosen' : '', part: chosen ? 'per-year-offer per-year-chosen' : 'per-year-offer' }, h('span', {}, `${TERM[offer.term]}, ${BILLING[offer.billing]}`), ' ', amount));
    }
    return [h('div', { class: 'per-year', part: 'per-year' }, h('span', { id, class: 'per-year-label' }, 'Per licence and year'), ul)];
  };
  state.forEach((line, index) => {
    const product = byId.get(line.productId);
    const id = `line-${index}`;
    const terms = [...new Set(product.offers.map((o) => o.term))];
    const billings = [...new Set(product.offers.filter((o) => o.term === line.term).map((o) => o.billing))];
    const term = h('select', { id: `${id}-term`, part: 'select term-select', autocomplete: 'off', 'aria-invalid': 'false' });
    for (const t of terms) term.append(Object.assign(h('option', { value: t }, TERM[t]), { selected: t === line.term }));
    const billing = h('select', { id: `${id}-billing`, part: 'select billing-select', autocomplete: 'off', 'aria-invalid': 'false' });
    for (const b of billings) billing.append(Object.assign(h('option', { value: b }, BILLING[b]), { selected: b === line.billing }));
    const hint = h('span', { id: `${id}-quantity-hint`, class: 'hint', part: 'hint' }, `From ${product.minQuantity} to ${product.maxQuantity} licences`);
    const quantity = h('input', {
      id: `${id}-quantity`, part: 'input quantity-input', type: 'number', inputmode: 'numeric', autocomplete: 'off',
      min: String(product.minQuantity), max: String(product.maxQuantity), step: '1', required: '', 'aria-invalid': 'false',
      'aria-describedby': `${id}-quantity-hint`,
      oninput: (event) => {
        const value = Number(event.target.value);
        if (!Number.isInteger(value) || value < product.minQuantity || value > product.maxQuantity) return;
        state[index].quantity = value;
        lineTotals[index].replaceChildren(...per(offerOf(state[index]).unitPrice * value, state[index].billing));
        renderTotals();
      },
    });
    quantity.value = String(line.quantity);
    const unit = h('dd', { part: 'unit-price' }, ...per(offerOf(line).unitPrice, line.billing));
    const total = h('dd', { part: 'line-total' }, ...per(offerOf(line).unitPrice * line.quantity, line.billing));
    unitPrices.push(unit);
    lineTotals.push(total);
    list.append(
      h('li', { class: 'line', part: 'line', 'aria-labelledby': `${id}-name` },
        h('div', { class: 'line-head' },
          h('h3', { class: 'name', id: `${id}-name`, part: 'line-name' }, product.name),
          h('button', { type: 'button', part: 'button remove-button' }, 'Remove', h('span', { class: 'visually-hidden' }, ` ${product.name}`))),
        h('div', { class: 'choices' }, field(`${id}-term`, 'Term', term), field(`${id}-billing`, 'Billing', billing), (() => { const f = field(`${id}-quantity`, 'Quantity', quantity, hint); f.className = 'field quantity'; return f; })()),
        h('dl', { class: 'prices' },
          h('div', {}, h('dt', {}, 'Unit price'), unit),
          h('div', { class: 'line-total' }, h('dt', {}, 'Line total'), total)),
        ...perYear(product, line, `${id}-per-year`)),
    );
  });
  renderTotals();
  root.append(
    h('section', { 'aria-labelledby': 'heading' },
      h('h2', { id: 'heading', class: 'heading', part: 'heading', tabindex: '-1' }, 'Cart'),
      list,
      h('div', { class: 'totals', part: 'totals' }, h('span', { id: 'total-label' }, 'Total'), totalsList),
      h('div', { class: 'notes', part: 'notes' }, h('h3', { id: 'notes-heading' }, 'Good to know'),
        h('ul', { 'aria-labelledby': 'notes-heading' },
          h('li', {}, 'The first invoice is prorated to the end of the billing period.'),
          h('li', {}, 'An order is for one customer; order for another customer in a new checkout.'))),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', part: 'button checkout-button' }, 'Checkout')),
      h('div', { role: 'status', class: 'visually-hidden', part: 'status' })),
  );
  container.append(host);
  return {
    host,
    totalsText: () => totalsList.textContent,
    quantityInput: (index) => root.querySelectorAll('[part~="quantity-input"]')[index],
  };
}
