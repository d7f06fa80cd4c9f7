/**
 * Minification of the CSS in Lit's css`` templates, for the build (see `minifyLitCss` in
 * vite.config.ts). Pure string code, so the browser tests run it on every style sheet of the
 * sources and compare what Chromium parses from both (test/minify-css.test.ts).
 */
export function minifyCss(text: string): string {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      // Spaces around * and / in calc() are optional (unlike around + and -); outside it a * may be a selector.
      .replace(/calc\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)/g, (calc) => calc.replace(/ ?([*/]) ?/g, '$1'))
      // 0.5rem → .5rem
      .replace(/([\s:(,*/+-])0\.(\d)/g, '$1.$2')
      // [type='radio'] → [type=radio]: an identifier needs no quotes.
      .replace(/\[([\w-]+[~|^$*]?=)(['"])([A-Za-z_][\w-]*)\2\]/g, '[$1$3]')
      // #ffffff → #fff
      .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3')
      .trim()
  );
}
