// The vanilla-DOM reference: the checkout's cart step built by hand with createElement, in a
// shadow root with the same style sheets as <lc-checkout> and <lc-cart>, the same markup
// (step list, line heading and Remove button, term/billing selects, quantity input with hint,
// unit price and line total, totals, notes, Checkout) and the same Intl price formatting.
// It is what the platform costs without any framework or state logic: the lower bound.

const TERM = { P1M: 'One month', P1Y: 'One year', P3Y: 'Three years' };
const BILLING = { monthly: 'Monthly', annual: 'Annual' };
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
  const per = (amount, billing) => `${money.format(amount / 100)} / ${billing === 'annual' ? 'year' : 'month'}`;
  const state = lines.map((line) => ({ ...line }));

  const host = h('div', { class: 'vanilla-checkout' });
  const outer = host.attachShadow({ mode: 'open' });
  outer.adoptedStyleSheets = sheets.checkout;
  const steps = h('ol', { class: 'steps', part: 'steps' });
  STEPS.forEach((name, i) => steps.append(h('li', i === 0 ? { 'aria-current': 'step', part: 'step current-step' } : { part: 'step' }, name)));
  const cartHost = h('div', { 'data-step': 'cart' });
  outer.append(h('div', { class: 'checkout', role: 'region', 'aria-label': 'Checkout' }, h('nav', { 'aria-label': 'Steps' }, steps), h('div', { role: 'status', class: 'visually-hidden' }), cartHost));

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
    totalsList.replaceChildren(...[...sums].map(([billing, sum]) => h('li', {}, per(sum, billing))));
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
    const hint = h('span', { id: `${id}-quantity-hint`, class: 'hint', part: 'hint' }, `${product.minQuantity} to ${product.maxQuantity} licences`);
    const quantity = h('input', {
      id: `${id}-quantity`, part: 'input quantity-input', type: 'number', inputmode: 'numeric', autocomplete: 'off',
      min: String(product.minQuantity), max: String(product.maxQuantity), step: '1', required: '', 'aria-invalid': 'false',
      'aria-describedby': `${id}-quantity-hint`,
      oninput: (event) => {
        const value = Number(event.target.value);
        if (!Number.isInteger(value) || value < product.minQuantity || value > product.maxQuantity) return;
        state[index].quantity = value;
        lineTotals[index].textContent = per(offerOf(state[index]).unitPrice * value, state[index].billing);
        renderTotals();
      },
    });
    quantity.value = String(line.quantity);
    const unit = h('dd', { part: 'unit-price' }, per(offerOf(line).unitPrice, line.billing));
    const total = h('dd', { part: 'line-total' }, per(offerOf(line).unitPrice * line.quantity, line.billing));
    unitPrices.push(unit);
    lineTotals.push(total);
    list.append(
      h('li', { class: 'line', part: 'line', 'aria-labelledby': `${id}-name` },
        h('div', { class: 'line-head' },
          h('h3', { class: 'name', id: `${id}-name`, part: 'line-name' }, product.name),
          h('button', { type: 'button', part: 'button remove-button' }, 'Remove', h('span', { class: 'visually-hidden' }, ` ${product.name}`))),
        h('div', { class: 'choices' }, field(`${id}-term`, 'Term', term), field(`${id}-billing`, 'Billing', billing), field(`${id}-quantity`, 'Quantity', quantity, hint)),
        h('dl', { class: 'prices' },
          h('div', {}, h('dt', {}, 'Unit price'), unit),
          h('div', { class: 'line-total' }, h('dt', {}, 'Line total'), total))),
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
