/**
 * Whitespace minification of Lit `html`/`svg` template text, for the build (see
 * `minifyLitHtml` in vite.config.ts). Pure string code, so the browser tests run it too.
 *
 * A template is its static parts, with a binding between each two. The parts are read as
 * one stream of HTML so that a quoted attribute value or a `<pre>` that spans a binding is
 * still recognised. What changes:
 * - in text, a run of whitespace becomes one space: the browser renders any run as one
 *   space anyway (outside `<pre>`, `<textarea>` and `white-space: pre*`, which the sources
 *   do not use on template text);
 * - inside a tag, between attributes, a run becomes one space, and the space before `>` goes.
 * What never changes: quoted attribute values, comments (Lit's markers can sit there), and
 * the content of `<pre>`, `<textarea>`, `<script>` and `<style>`.
 */

type Mode = 'text' | 'tag' | 'dq' | 'sq' | 'comment' | 'raw';

const RAW_ELEMENTS = new Set(['pre', 'textarea', 'script', 'style']);
const WS = /\s/;

export function minifyTemplateParts(parts: readonly string[]): string[] {
  let mode: Mode = 'text';
  /** The element whose content is copied as is, while in `raw` mode. */
  let rawElement = '';
  /** The name of the tag being read (an opening tag's name decides about raw content). */
  let tagName = '';
  let readingName = false;
  return parts.map((part) => {
    let out = '';
    let i = 0;
    while (i < part.length) {
      const ch = part[i]!;
      if (mode === 'comment') {
        const end = part.indexOf('-->', i);
        const stop = end === -1 ? part.length : end + 3;
        out += part.slice(i, stop);
        i = stop;
        if (end !== -1) mode = 'text';
        continue;
      }
      if (mode === 'raw') {
        const close = part.toLowerCase().indexOf(`</${rawElement}`, i);
        const stop = close === -1 ? part.length : close;
        out += part.slice(i, stop);
        i = stop;
        if (close !== -1) mode = 'text';
        continue;
      }
      if (mode === 'dq' || mode === 'sq') {
        out += ch;
        i++;
        if (ch === (mode === 'dq' ? '"' : "'")) mode = 'tag';
        continue;
      }
      if (WS.test(ch)) {
        let j = i;
        while (j < part.length && WS.test(part[j]!)) j++;
        readingName = false;
        // In a tag, the space before `>` or `/>` is not needed; elsewhere one space stands for the run.
        if (!(mode === 'tag' && (part[j] === '>' || part.startsWith('/>', j)))) out += ' ';
        i = j;
        continue;
      }
      if (mode === 'text') {
        if (part.startsWith('<!--', i)) {
          mode = 'comment';
          out += '<!--';
          i += 4;
          continue;
        }
        if (ch === '<' && /[A-Za-z/]/.test(part[i + 1] ?? '')) {
          mode = 'tag';
          tagName = '';
          readingName = true;
          out += ch;
          i++;
          continue;
        }
        out += ch;
        i++;
        continue;
      }
      // mode === 'tag'
      if (readingName && /[A-Za-z0-9/-]/.test(ch)) tagName += ch.toLowerCase();
      else readingName = false;
      if (ch === '"') mode = 'dq';
      else if (ch === "'") mode = 'sq';
      else if (ch === '>') {
        mode = RAW_ELEMENTS.has(tagName) ? 'raw' : 'text';
        rawElement = tagName;
      }
      out += ch;
      i++;
    }
    // A binding ends a tag name (`<${tag}` is not used in Lit templates, so this is only cautious).
    readingName = false;
    return out;
  });
}
