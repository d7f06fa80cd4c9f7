/** The company-name comparison: which characters of each name differ from the other. */
import { expect } from '@open-wc/testing';
import { diffNames, type DiffSegment } from '../src/checkout/name-diff.js';

const changed = (segments: readonly DiffSegment[]) => segments.filter((s) => s.changed).map((s) => s.text);
const joined = (segments: readonly DiffSegment[]) => segments.map((s) => s.text).join('');
const kept = (segments: readonly DiffSegment[]) => segments.filter((s) => !s.changed).map((s) => s.text).join('');

describe('diffNames', () => {
  it('marks nothing for the same name', () => {
    const diff = diffNames('Fabrikam, Inc.', 'Fabrikam, Inc.');
    expect(diff.equal).to.equal(true);
    expect(diff.a).to.deep.equal([{ text: 'Fabrikam, Inc.', changed: false }]);
    expect(diff.b).to.deep.equal([{ text: 'Fabrikam, Inc.', changed: false }]);
  });

  it('marks the comma and the dot the entered name lacks', () => {
    const diff = diffNames('Fabrikam Inc', 'Fabrikam, Inc.');
    expect(diff.equal).to.equal(false);
    expect(diff.a).to.deep.equal([{ text: 'Fabrikam Inc', changed: false }]);
    expect(diff.b).to.deep.equal([
      { text: 'Fabrikam', changed: false },
      { text: ',', changed: true },
      { text: ' Inc', changed: false },
      { text: '.', changed: true },
    ]);
  });

  it('counts case, spaces and punctuation as differences', () => {
    expect(changed(diffNames('contoso ltd', 'Contoso Ltd').a)).to.deep.equal(['c', 'l']);
    expect(changed(diffNames('contoso ltd', 'Contoso Ltd').b)).to.deep.equal(['C', 'L']);
    expect(changed(diffNames('Contoso  Ltd', 'Contoso Ltd').a)).to.deep.equal([' ']);
    expect(changed(diffNames('Contoso Ltd', 'Contoso Ltd').a)).to.deep.equal([]);
  });

  it('marks replaced characters on both sides', () => {
    const diff = diffNames('Northwind Traders', 'Northwind Trading');
    expect(changed(diff.a)).to.deep.equal(['ers']);
    expect(changed(diff.b)).to.deep.equal(['ing']);
  });

  it('treats a character outside the BMP as one character', () => {
    const diff = diffNames('A😀B', 'AB');
    expect(diff.a).to.deep.equal([
      { text: 'A', changed: false },
      { text: '😀', changed: true },
      { text: 'B', changed: false },
    ]);
    expect(changed(diffNames('Café', 'Cafe').a)).to.deep.equal(['é']);
  });

  it('marks everything against an empty name', () => {
    expect(diffNames('', 'Fabrikam')).to.deep.include({ a: [], b: [{ text: 'Fabrikam', changed: true }], equal: false });
    expect(diffNames('', '')).to.deep.equal({ a: [], b: [], equal: true });
  });

  it('keeps every character, and keeps the same characters on both sides', () => {
    const pairs: Array<[string, string]> = [
      ['Contoso Pharmaceuticals', 'Contoso Pharma, Ltd.'],
      ['abcabcabc', 'cbacbacba'],
      ['Woodgrove Bank', 'Woodgrove Bank (Europe)'],
      ['<img src=x>', 'img src x'],
    ];
    for (const [a, b] of pairs) {
      const diff = diffNames(a, b);
      expect(joined(diff.a)).to.equal(a);
      expect(joined(diff.b)).to.equal(b);
      expect(kept(diff.a), `${a} / ${b}`).to.equal(kept(diff.b));
      // Runs alternate: no two neighbours with the same flag.
      for (const segments of [diff.a, diff.b]) {
        segments.slice(1).forEach((s, i) => expect(s.changed).to.not.equal(segments[i]!.changed));
      }
    }
  });

  it('stays fast on huge, different names', () => {
    const a = `X${'a'.repeat(5000)}Y`;
    const b = `X${'b'.repeat(5000)}Y`;
    const started = performance.now();
    const diff = diffNames(a, b);
    expect(performance.now() - started).to.be.below(200);
    expect(diff.a).to.deep.equal([
      { text: 'X', changed: false },
      { text: 'a'.repeat(5000), changed: true },
      { text: 'Y', changed: false },
    ]);
  });
});
