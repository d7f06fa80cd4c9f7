import { checkoutShellStrings } from './checkout-shell.strings.js';

/**
 * Default (English) text of `<lc-checkout>` itself. Everything in `<lc-checkout>.strings`
 * also reaches the steps (through context), so one object overrides the text of the whole
 * checkout; keys of the checkout start with `checkout.`. `{name}` placeholders are filled
 * with plain text. The keys it shows before its core has loaded (the step list, a step loading)
 * are in checkout-shell.strings.ts.
 */
export const checkoutStrings = {
  ...checkoutShellStrings,
  'checkout.announceStep': 'Step {number} of {total}: {name}.',
  'checkout.notReady': 'Something on this step still needs your attention.',
  'checkout.agreementHeading': 'Microsoft Customer Agreement',
  'checkout.agreementLoading': 'Loading the Microsoft Customer Agreement…',
  'checkout.agreementFailed': 'The Microsoft Customer Agreement could not be loaded.',
  'checkout.orderFailed.network':
    'The store did not answer, so the order may not have been placed. Nothing you entered is lost. Press “Place order” again: it cannot order twice.',
  'checkout.orderFailed.server':
    'The store could not take the order just now. Nothing you entered is lost. Press “Place order” again in a moment: it cannot order twice.',
  'checkout.orderFailed.busy': 'The store is busy. Wait a moment, then press “Place order” again: it cannot order twice.',
  'checkout.orderFailed.contract':
    'The store sent an answer the checkout does not understand. Press “Place order” again; if it happens again, contact the store. It cannot order twice.',
  'checkout.orderFailed.problem': 'The order was not placed: {detail}',
  'checkout.orderFailed.unknown': 'The order was not placed. Nothing you entered is lost. Try again.',
  'checkout.orderFailed.fields': 'The store needs some details changed before it can take the order. They are marked below.',
  'checkout.orderNotReady': 'The order cannot be placed yet: a step is incomplete.',
  'checkout.announcePlaced': 'Order {id} placed.',
  'checkout.leaveMessage':
    'Your order is being set up. Please stay on this page until the running tasks have finished, so you can see the result and what to do next.',
  'checkout.orderNotFound':
    'The order this page was showing ({id}) is not known to the store, so it is no longer shown. Check your orders with the store before you order the same licences again.',
};

export type CheckoutStrings = typeof checkoutStrings;
