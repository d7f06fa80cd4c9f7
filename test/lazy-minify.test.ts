/**
 * The build's whitespace minification of Lit templates (scripts/minify-lit-html.ts, used by
 * vite.config.ts): the same templates rendered before and after show the same text, have the
 * same attributes, and keep preformatted text, quoted values and comments exactly.
 */
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { minifyTemplateParts } from '../scripts/minify-lit-html.js';

/** A template from its parts, as a tagged template literal would pass them. */
const tagged = (parts: readonly string[]) => Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray;

function renderParts(parts: readonly string[], values: unknown[]): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  render(html(tagged(parts), ...values), host);
  return host;
}

/** Every element's tag and attributes, in document order. */
const attributes = (root: Element) =>
  [...root.querySelectorAll('*')].map((el) => `${el.localName} ${[...el.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).join(' ')}`);

const cases: Array<{ name: string; parts: string[]; values: unknown[] }> = [
  {
    name: 'indented blocks and inline elements side by side',
    parts: [
      `
      <section class="card">
        <h2   id="h">  Cart  </h2>
        <p>
          <strong>Total:</strong>
          <span>`,
      `</span>   <em>per month</em>
        </p>
        <ul>
          <li>one</li>
          <li>two</li>
        </ul>
      </section>
    `,
    ],
    values: ['$36.00'],
  },
  {
    name: 'attributes over several lines, bindings in and out of quotes',
    parts: [
      `<button
        type="button"
        class="a   b
          c"
        title="first line
   second line"
        aria-label=`,
      `
        data-x='  two  spaces  '
        ?disabled=`,
      `
      >
        Place   order
      </button>`,
    ],
    values: ['Place the order', false],
  },
  {
    name: 'preformatted text, a textarea, a comment and a binding inside a quoted value',
    parts: [
      `<pre>  keep
     these   spaces </pre>
      <textarea>  and
   these  </textarea>
      <!--   a   comment   -->
      <a href="/orders/`,
      `?view=full"   part="link">  the   order  </a>`,
    ],
    values: ['o-1'],
  },
];

describe('minifyTemplateParts (the build\'s Lit template whitespace)', () => {
  for (const { name, parts, values } of cases) {
    it(`${name}: the same text and attributes, fewer bytes`, () => {
      const minified = minifyTemplateParts(parts);
      expect(minified).to.have.length(parts.length);
      expect(minified.join('').length).to.be.lessThan(parts.join('').length);
      const before = renderParts(parts, values);
      const after = renderParts(minified, values);
      expect(after.innerText).to.equal(before.innerText);
      expect(attributes(after)).to.deep.equal(attributes(before));
      before.remove();
      after.remove();
    });
  }

  it('leaves <pre>, <textarea>, quoted values and comments exactly as written', () => {
    const [first, second] = minifyTemplateParts(cases[2]!.parts);
    expect(first).to.contain('<pre>  keep\n     these   spaces </pre>');
    expect(first).to.contain('<textarea>  and\n   these  </textarea>');
    expect(first).to.contain('<!--   a   comment   -->');
    expect(second).to.equal('?view=full" part="link"> the order </a>');
    const [button] = minifyTemplateParts(cases[1]!.parts);
    expect(button).to.contain('class="a   b\n          c"');
    expect(button).to.contain('title="first line\n   second line"');
  });

  it('collapses indentation to one space and drops the space before a tag\'s end', () => {
    expect(minifyTemplateParts(['\n  <div\n    class="x"\n  >\n    <span>a</span>\n    <span>b</span>\n  </div>\n'])).to.deep.equal([
      ' <div class="x"> <span>a</span> <span>b</span> </div> ',
    ]);
  });
});
