// Hostile text typed into every text field: nothing runs, nothing widens the widget (see test/helpers/hostile.ts).
import { LONG_TEXT, LONG_WORD, SHORT, customerSearch, everyField, watchForHostileRuns } from './helpers/hostile.js';

describe('hostile text typed into every text field: nothing runs, nothing widens the widget', function () {
  this.timeout(60000);
  watchForHostileRuns();

  it('XSS payloads and bidi controls', () => everyField(SHORT));
  it('10,000-character strings', () => everyField([LONG_WORD, LONG_TEXT]));
  it('the customer search: XSS payloads and bidi controls', () => customerSearch(SHORT));
  // Issue 15 item 3: "No customer matches …" repeats a 10,000-character search unbroken and widens the widget.
  it.skip('the customer search: 10,000-character strings', () => customerSearch([LONG_WORD, LONG_TEXT]));
});
