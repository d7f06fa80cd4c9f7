import { CART_PARTS } from './checkout.parts.js';

/**
 * Every part the steps inside expose, re-exported under the same name: a `::part()` rule
 * reaches one shadow level only, and one name themes that kind of control in every step.
 */
export const CHILD_PARTS = [
  CART_PARTS,
  // customer type
  'recipient-radio', 'customer-kind-radio', 'search-input', 'search-status', 'results', 'result', 'customer-radio', 'badge',
  'selected', 'search-failed', 'new-customer-button',
  // customer details and agreement fields
  'company-name-input', 'country-select', 'line1-input', 'line2-input', 'city-input', 'state-input', 'state-select',
  'postal-code-input',
  'first-name-input', 'last-name-input', 'email-input', 'phone-input',
  'suggestions', 'suggestion-radio', 'check-failed', 'continue-anyway-button',
  // tenant domain
  'tenant-checkbox', 'prefix-input', 'suffix', 'domain-input', 'availability', 'suggestion', 'suggestion-button', 'lookup',
  'comparison', 'adopt-button', 'edit-company-button', 'suffix-hint', 'use-domain-button',
  // agreement (the acceptance link) and admin access
  'agreement-link', 'someone-else-checkbox', 'acceptance', 'acceptance-status', 'acceptance-url', 'open-link', 'email-link',
  'create-button', 'regenerate-button', 'admin-access', 'roles',
  // review
  'summary', 'lines', 'proration', 'quote-failed', 'edit-button', 'place-order-button',
  // provisioning
  'order-id', 'connection', 'progress', 'elapsed', 'estimate', 'tasks', 'status-row', 'task-status', 'task-detail',
  'action-link', 'action-url', 'outcome', 'credentials', 'warning', 'user-name', 'password', 'support-details', 'copy-button',
  'new-order-button',
  // seats or a new subscription, renewal, cancellation, promotions, purchase order (review, provisioning; the cart's are above)
  'line-choice', 'line-choice-radio', 'end-date-select', 'auto-renew-checkbox',
  'renewal', 'cancellation', 'promotion', 'promotion-not-applied', 'line-error', 'purchase-order-input', 'order-terms',
  'line-terms', 'purchase-order',
].join(', ');
