/**
 * The script-tag build's shortening of private names (scripts/shorten-private-names.ts): one
 * name for one property across every file, decorators' strings included; nothing else touched.
 * The built files themselves are run by the lazy-loading tests (test/lazy-*.test.ts).
 */
import { expect } from '@open-wc/testing';
import { shortenPrivateNames } from '../scripts/shorten-private-names.js';

/** Runs module-free code and returns what it returns. */
const run = (code: string): unknown => new Function(code)();

describe('shortenPrivateNames', () => {
  it('renames a property, its decorator string and its uses in another file alike', () => {
    const entry = `class A{constructor(){this._announcement='x'}}globalThis.__A=A;`;
    const steps = `const a=new globalThis.__A();return [a._announcement, a["_announcement"], Object.keys(a)];`;
    const { files, names } = shortenPrivateNames([entry, steps]);
    const short = names.get('_announcement');
    expect(short).to.match(/^_[a-zA-Z]{1,2}$/);
    expect(files[0]).to.include(`this.${short}=`);
    expect(files[1]).to.include(`a.${short}`).and.to.include(`a["${short}"]`);
    expect(files.join('')).not.to.include('_announcement');
    expect(run(files[0]! + files[1]!)).to.deep.equal(['x', 'x', [short]]);
    delete (globalThis as Record<string, unknown>)['__A'];
  });

  it('gives the most used name the shortest replacement, and keeps short names', () => {
    const { names } = shortenPrivateNames(['this._rare;this._often;this._often;this._often;this._t;this._t']);
    expect(names.get('_often')).to.equal('_a');
    expect(names.get('_rare')).to.equal('_b');
    expect(names.has('_t')).to.equal(false);
  });

  it('never takes a name the files use already, and leaves lit internals, CSS variables and HTML keywords alone', () => {
    const code = 'this._draft;this._draft;x._a;y.__proto;z._$litType$;css`a{color:var(--_text)}`;html`<a target="_blank">`;w._blank';
    const { files, names } = shortenPrivateNames([code]);
    expect(names.get('_draft')).to.equal('_b');
    expect(files[0]).to.equal(
      'this._b;this._b;x._a;y.__proto;z._$litType$;css`a{color:var(--_text)}`;html`<a target="_blank">`;w._blank',
    );
  });

  it('leaves words that merely contain an underscore', () => {
    const { files } = shortenPrivateNames(['this._value;const snake_case_value=1;obj.a_value;"my_value"']);
    expect(files[0]).to.include('snake_case_value').and.to.include('obj.a_value').and.to.include('"my_value"');
  });
});
