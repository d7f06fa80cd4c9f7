// Hostile text in every string the backend returns: nothing runs, nothing widens the widget (see test/helpers/hostile.ts).
import { ALL_SHORT, LONG_WORD, existingCustomerTour, newCustomerTour, watchForHostileRuns } from './helpers/hostile.js';

describe('hostile text returned in every string of the backend: nothing runs, nothing widens the widget', function () {
  this.timeout(60000);
  watchForHostileRuns();

  it('XSS payloads and bidi controls, from the catalog to the completed order', () => existingCustomerTour(ALL_SHORT, { to: 'completed' }));
  it('XSS payloads and bidi controls in a refused order\'s problem details', () => existingCustomerTour(ALL_SHORT, { to: 'review', refused: true }));
  it('10,000-character problem details of a refused order', () => existingCustomerTour(LONG_WORD, { only: [], to: 'review', refused: true }));
  it('XSS payloads and bidi controls in the address check and the prefix suggestions', () =>
    newCustomerTour(ALL_SHORT, ['address check', 'prefix suggestions']));
  // Found here once: the name comparison did not wrap (these 600 characters with spaces made it about 3,300 px wide).
  it('XSS payloads and bidi controls in the registered company name', () => newCustomerTour(ALL_SHORT, ['registered name']));
  it('10,000-character strings, from the catalog to the review', () => existingCustomerTour(LONG_WORD, { to: 'review' }));
  it('10,000-character strings in the prefix suggestions', () => newCustomerTour(LONG_WORD, ['prefix suggestions']));
  it('10,000-character strings in the address check', () => newCustomerTour(LONG_WORD, ['address check']));
  // Found here once: a 10,000-character registered company name made the name comparison about 158,000 px wide.
  it('10,000-character strings in the registered company name', () => newCustomerTour(LONG_WORD, ['registered name']));
  it('10,000-character task labels and details in provisioning', () =>
    existingCustomerTour(LONG_WORD, { only: ['placeOrder', 'getOrder'], to: 'completed' }));
});
