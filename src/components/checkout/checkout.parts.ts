/**
 * The parts `<lc-cart>` exposes (with those every step shares), re-exported by `<lc-checkout>`
 * under the same name from the start: a `::part()` rule reaches one shadow level only, and one
 * name themes that kind of control in every step. The later steps' parts are added by the
 * checkout's core (`CHILD_PARTS`, checkout-core.parts.ts).
 */
export const CART_PARTS = [
  // shared by several steps
  'heading', 'step-heading', 'intro', 'error-summary', 'fieldset', 'field', 'label', 'input', 'select', 'hint', 'error',
  'notice', 'status', 'loading', 'failed', 'empty', 'button', 'back-button', 'next-button', 'retry-button', 'radio', 'checkbox',
  // cart
  'line', 'line-name', 'term-select', 'billing-select', 'quantity-input', 'unit-price', 'line-total', 'remove-button',
  'checkout-button', 'totals', 'notes', 'per-year', 'per-year-offer', 'per-year-chosen',
].join(', ');
