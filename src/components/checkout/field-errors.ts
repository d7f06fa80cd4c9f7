/**
 * Where the backend's field errors belong. `POST /orders` answers a 422 problem+json with
 * dotted request paths (`company.address.postalCode`, `recipient.company.companyName`,
 * `tenant.prefix`, `company.contact.email`); the checkout shows each message on the step
 * and next to the field it names. Pure: no DOM.
 */
import { isApiError, isContractError, isNetworkError } from '../../api/errors.js';
import type { Step } from '../../checkout/machine.js';
import { companyFieldPaths } from '../../checkout/validate.js';

/** Field name → message, for one step. */
export type StepFieldMessages = Partial<Record<string, string>>;

/** The step and field a request path names, if a step shows it. */
export function placeField(path: string): { step: Step; field: string } | undefined {
  // Validators may name the field inside the recipient, or at the top level of the request.
  const field = path.replace(/^recipient\./, '');
  if (field.startsWith('company.')) {
    const name = companyFieldPaths[field.slice('company.'.length)];
    return name ? { step: 'customer-details', field: name } : undefined;
  }
  if (field === 'tenant.prefix' || field === 'tenant.domain') return { step: 'tenant-domain', field: field.slice('tenant.'.length) };
  if (field === 'tenant' || field === 'tenant.kind') return { step: 'tenant-domain', field: 'prefix' };
  if (field === 'customerId') return { step: 'customer-type', field: 'customer' };
  // The review shows the order's lines and its purchase order number.
  if (field === 'purchaseOrder' || /^lines\.\d+\.quantity$/.test(field)) return { step: 'review', field };
  // `agreementAcceptanceId` and `adminAccess.*` name no field a step shows: their messages go with the order error.
  return undefined;
}

/**
 * The step's messages without those for fields whose value changed: a message about a value
 * the user has since corrected must not stay. A path into a list (`lines.1.quantity`) compares
 * the list's item: a cart line keeps its object while unchanged, so a changed, removed or
 * moved line drops its messages.
 */
export function withoutChanged(
  messages: StepFieldMessages | undefined,
  before: object,
  after: object,
): StepFieldMessages | undefined {
  if (!messages) return undefined;
  const at = (value: object, field: string) => field.split('.', 2).reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);
  const kept = Object.fromEntries(Object.entries(messages).filter(([field]) => at(before, field) === at(after, field)));
  return Object.keys(kept).length === Object.keys(messages).length ? messages : kept;
}

/**
 * What a refused or failed `POST /orders` means on screen: the backend's field messages
 * routed to the first step of the path they name (`target`), or one message about the order
 * (`key` in the checkout's strings, with the backend's `detail` where it gave one).
 */
export type PlacementFailure =
  | { target: Step; byStep: Partial<Record<Step, StepFieldMessages>>; unplaced: string[] }
  | { target?: undefined; key: `checkout.orderFailed.${'network' | 'contract' | 'busy' | 'server' | 'problem' | 'unknown'}`; detail?: string };

export function placementFailure(error: unknown, steps: readonly Step[]): PlacementFailure {
  if (isNetworkError(error)) return { key: 'checkout.orderFailed.network' };
  if (isContractError(error)) return { key: 'checkout.orderFailed.contract' };
  if (!isApiError(error)) return { key: 'checkout.orderFailed.unknown' };
  if (error.fieldErrors.length > 0) {
    // Sorted into steps (the first message of a field wins); the rest, for fields no step
    // shows (e.g. a cart line), go with the order error.
    const byStep: Partial<Record<Step, StepFieldMessages>> = {};
    const unplaced: string[] = [];
    for (const { field, message } of error.fieldErrors) {
      const place = placeField(field);
      if (place) (byStep[place.step] ??= {})[place.field] ??= message;
      else unplaced.push(message);
    }
    // The first step, in flow order, that has messages.
    const target = steps.find((step) => byStep[step]);
    if (target) return { target, byStep, unplaced };
    return { key: 'checkout.orderFailed.problem', detail: unplaced.join(' ') || error.detail || error.title };
  }
  if (error.status === 429) return { key: 'checkout.orderFailed.busy' };
  if (error.status >= 500 || error.status === 408) return { key: 'checkout.orderFailed.server' };
  return { key: 'checkout.orderFailed.problem', detail: error.detail ?? error.title };
}

/**
 * The messages about order lines, by line index: a refused quote's (a seat cap is a 422 on
 * `lines.{i}.quantity`) and a refused order's, shown next to the line on the review.
 */
export function lineMessages(quoteError: unknown, review: StepFieldMessages | undefined): Record<number, string> | undefined {
  const messages: Record<number, string> = {};
  const errors = [...(isApiError(quoteError) ? quoteError.fieldErrors : []), ...Object.entries(review ?? {}).map(([field, message]) => ({ field, message: message ?? '' }))];
  for (const { field, message } of errors) {
    const match = /^lines\.(\d+)\./.exec(field);
    if (match && message) messages[Number(match[1])] ??= message;
  }
  return Object.keys(messages).length > 0 ? messages : undefined;
}
