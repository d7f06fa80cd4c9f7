// Hostile text typed into every text field: nothing runs, nothing widens the widget (see test/helpers/hostile.ts).
import { LONG_TEXT, LONG_WORD, SHORT, customerSearch, everyField, watchForHostileRuns } from './helpers/hostile.js';

describe('hostile text typed into every text field: nothing runs, nothing widens the widget', function () {
  this.timeout(60000);
  watchForHostileRuns();

  it('XSS payloads and bidi controls', () => everyField(SHORT));
  it('10,000-character strings', () => everyField([LONG_WORD, LONG_TEXT]));
  it('the customer search: XSS payloads and bidi controls', () => customerSearch(SHORT));
  // Once widened by "No customer matches …" repeating the whole search; the search and its echo are now capped.
  it('the customer search: 10,000-character strings', () => customerSearch([LONG_WORD, LONG_TEXT]));
});
