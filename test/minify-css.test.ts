/**
 * The build's minification of css`` templates (scripts/minify-lit-css.ts, used by
 * vite.config.ts): every style sheet of every element, minified, parses in Chromium to the
 * same rules as the sheet as written.
 */
import { expect } from '@open-wc/testing';
import type { CSSResultOrNative } from 'lit';
import { minifyCss } from '../scripts/minify-lit-css.js';
import '../src/index.js';
import '../src/tags.js';

const TAGS = [
  'lc-add-to-cart', 'lc-admin-access', 'lc-agreement', 'lc-cart', 'lc-cart-count', 'lc-checkout', 'lc-customer-details',
  'lc-customer-type', 'lc-order-review', 'lc-order-summary', 'lc-price', 'lc-provisioning', 'lc-tenant-domain',
];

/**
 * What Chromium reads from a style sheet's text: each rule's selector or condition and each
 * declaration's property and value, nested rules included. A value with `var()` and a custom
 * property's value are kept as written, so there the forms the minifier writes for the same
 * value are evened out: spaces around `,`, `*`, `/` and parentheses (never significant there;
 * around `+` and `-` they are, and stay), `#fff` for `#ffffff`, `.5` for `0.5`.
 */
function parsed(text: string): unknown[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return read(sheet.cssRules);
}

const even = (value: string) =>
  value
    .trim()
    .replace(/\s*([,*/()])\s*/g, '$1')
    .replace(/#([\da-f])([\da-f])([\da-f])\b/gi, '#$1$1$2$2$3$3')
    .replace(/(?<![\d.])\.(\d)/g, '0.$1')
    .toLowerCase();

function read(rules: CSSRuleList): unknown[] {
  return Array.from(rules, (rule) => {
    if (rule instanceof CSSStyleRule) {
      return [rule.selectorText, Array.from(rule.style, (name) => [name, even(rule.style.getPropertyValue(name)), rule.style.getPropertyPriority(name)]), read(rule.cssRules)];
    }
    if (rule instanceof CSSGroupingRule) return [rule.constructor.name, 'conditionText' in rule ? rule.conditionText : '', read(rule.cssRules)];
    return rule.cssText;
  });
}

describe('minifyCss', () => {
  for (const tag of TAGS) {
    it(`keeps every rule of <${tag}>'s styles`, () => {
      const element = customElements.get(tag) as unknown as { elementStyles: CSSResultOrNative[] } | undefined;
      expect(element, tag).to.exist;
      const texts = element!.elementStyles.map((style) => ('cssText' in style ? style.cssText : ''));
      expect(texts.join('').length).to.be.greaterThan(0);
      for (const text of texts) {
        const minified = minifyCss(text);
        expect(parsed(minified)).to.deep.equal(parsed(text));
        expect(minified.length).to.be.at.most(text.length);
      }
    });
  }

  it('shortens what it can without changing a rule', () => {
    const text = `
      /* a comment */
      :host([hidden])  { display: none ; }
      input[type='radio'] , .a > .b { margin: calc(var(--_space) * 0.5) 0.25rem; color: #FFFFFF; }
    `;
    const minified = minifyCss(text);
    expect(minified).to.equal(':host([hidden]){display:none}input[type=radio],.a>.b{margin:calc(var(--_space)*.5) .25rem;color:#FFF}');
    expect(parsed(minified)).to.deep.equal(parsed(text));
  });
});
