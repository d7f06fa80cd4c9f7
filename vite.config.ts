import { defineConfig, type Plugin } from 'vite';
import { createMockHub } from './src/mock/hub.js';
import { minifyTemplateParts } from './scripts/minify-lit-html.js';
import { minifyCss } from './scripts/minify-lit-css.js';
import { shortenPrivateNames } from './scripts/shorten-private-names.js';

/** Mounts the mock backend at /api on the dev server (`npm start`). */
function mockBackend(): Plugin {
  return {
    name: 'license-checkout:mock-backend',
    configureServer(server) {
      const hub = createMockHub();
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0];
        if (!hub.matches(path)) return next();
        hub.handleNode(req, res).catch(next);
      });
    },
  };
}

/**
 * Minifies the CSS inside Lit's css`` templates (comments, indentation, spaces around
 * punctuation): Vite minifies the JavaScript around them but leaves template text as written.
 * Only templates without interpolations are touched, and only in our own sources.
 */
export function minifyLitCss(): Plugin {
  return {
    name: 'license-checkout:minify-lit-css',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      return { code: code.replace(/\bcss`([^`$]*)`/g, (_, body: string) => `css\`${minifyCss(body)}\``), map: null };
    },
  };
}

interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/**
 * Minifies the whitespace of Lit's html`` and svg`` templates in our own sources (see
 * scripts/minify-lit-html.ts for what changes and what never does): the indentation of the
 * templates is most of their bytes, and Vite leaves template text as written.
 */
export function minifyLitHtml(): Plugin {
  return {
    name: 'license-checkout:minify-lit-html',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|svg)`/.test(code)) return null;
      const edits: Array<{ start: number; end: number; text: string }> = [];
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (!node || typeof node !== 'object' || typeof (node as AstNode).type !== 'string') return;
        const n = node as AstNode;
        const tag = n.tag as AstNode & { name?: string };
        if (n.type === 'TaggedTemplateExpression' && tag.type === 'Identifier' && (tag.name === 'html' || tag.name === 'svg')) {
          const quasis = (n.quasi as { quasis: Array<AstNode & { value: { raw: string } }> }).quasis;
          const minified = minifyTemplateParts(quasis.map((q) => q.value.raw));
          quasis.forEach((q, i) => {
            // The quasi's span is its raw text (the parser's offsets are UTF-16, as in `code`); checked, never assumed.
            if (code.slice(q.start, q.end) !== q.value.raw) throw new Error(`minify-lit-html: unexpected template offsets in ${id}`);
            if (minified[i] !== q.value.raw) edits.push({ start: q.start, end: q.end, text: minified[i]! });
          });
        }
        for (const key in n) if (key !== 'type') visit(n[key]);
      };
      visit(this.parse(code));
      if (edits.length === 0) return null;
      let out = code;
      for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
      return { code: out, map: null };
    },
  };
}

/**
 * The script-tag files are final code, never bundled again: the tree-shaking hints for
 * bundlers (`@__PURE__`, `@__NO_SIDE_EFFECTS__`, several hundred of them) are dead weight there.
 * (Licence comments were never kept in them: the minifier's default drops them too.)
 */
const scriptTagComments = false;

/**
 * The script-tag file's imports of the steps' files take `import.meta.lcRetry` as a query, so a
 * load after a failure is a new request (a browser keeps a failed module file failed; see
 * src/components/checkout/step-loader.ts, which sets it).
 */
function retryableStepFiles(): Plugin {
  return {
    name: 'license-checkout:retryable-step-files',
    apply: 'build',
    renderChunk(code, chunk) {
      if (!chunk.isEntry) return null;
      let found = 0;
      const out = code.replace(/\bimport\((["'`])(\.\/license-checkout\/[^"'`$]+\.js)\1\)/g, (_, quote: string, file: string) => {
        found++;
        return `import(${quote}${file}${quote}+(import.meta.lcRetry??""))`;
      });
      if (found === 0) this.error('retryable-step-files: no import of a step file in the script-tag file');
      return { code: out, map: null };
    },
  };
}

/**
 * The script-tag file must work alone until the cart is usable: it may import the steps' file
 * dynamically only. A static import (something the entry uses put in the steps' file) would
 * load every step before the cart, so it fails the build.
 */
function entryImportsNothing(): Plugin {
  return {
    name: 'license-checkout:entry-imports-nothing',
    apply: 'build',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        // Files of this build only (the bench builds it with dependencies external).
        const chunks = chunk.imports.filter((file) => file in bundle);
        if (chunks.length > 0) this.error(`entry-imports-nothing: ${chunk.fileName} imports ${chunks.join(', ')} statically`);
      }
    },
  };
}

/**
 * The script-tag files validate with the contract's compiled checks (src/api/check.ts), not zod:
 * a module that imports a zod schema as a value brings zod's engine back (about 8 KB gzip), so
 * it fails the build with the modules that did it.
 */
function noZod(): Plugin {
  return {
    name: 'license-checkout:no-zod',
    apply: 'build',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const zod = chunk.moduleIds.filter((id) => /[\\/]node_modules[\\/]zod[\\/]/.test(id));
        if (zod.length === 0) continue;
        const ours = chunk.moduleIds.filter((id) => /[\\/]src[\\/].*[\\/.]schemas?(-\w+)?\.ts$/.test(id)).map((id) => id.replace(/.*[\\/]src[\\/]/, 'src/'));
        this.error(`no-zod: ${chunk.fileName} holds zod (${zod.length} modules) with ${ours.join(', ') || 'no schema module'}; runtime code imports the compiled checks (src/api/checks*.gen.ts) and types only from the schemas`);
      }
    },
  };
}

/**
 * Shortens our private `_names` in the script-tag files, alike in every file of the build (see
 * scripts/shorten-private-names.ts): about 1.4 KB gzip over the checkout's two files. The
 * minifier's own property mangling refuses a build of several files, and would miss the names
 * TypeScript's decorators pass as strings.
 */
function shortPrivateNames(): Plugin {
  return {
    name: 'license-checkout:short-private-names',
    apply: 'build',
    generateBundle(_, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const { files } = shortenPrivateNames(chunks.map((chunk) => chunk.code));
      chunks.forEach((chunk, i) => (chunk.code = files[i]!));
    },
  };
}

// react and react-dom are the React wrappers' peer dependency (@lit/react is matched by /^@lit\//).
const external = [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/, /^react(-dom)?(\/|$)/];

export default defineConfig(({ mode }) => {
  if (mode === 'bundle-tags') {
    // The product-page tags alone, self-contained: dist/license-checkout-tags.js (budget 10 KB gzip).
    return {
      plugins: [minifyLitCss(), minifyLitHtml(), noZod()],
      build: {
        target: 'es2022',
        emptyOutDir: false,
        minify: true,
        lib: { entry: 'src/tags.ts', formats: ['es'], fileName: () => 'license-checkout-tags.js' },
        rolldownOptions: {
          output: {
            // Also shortens our private `_names` (the tags' fields and controllers): safe in this one
            // self-contained chunk, as the tags declare their properties without decorators (whose
            // helpers name properties in strings) and lit's production build has no such names.
            minify: { compress: true, mangle: true, codegen: true, mangleProps: { include: /^_[a-z]/ } },
            comments: scriptTagComments,
          },
          // Top-level calls the bundler would keep as possible side effects have none here:
          // unused frozen constants (the cart store's empty cart) and style sheets drop out.
          treeshake: { manualPureFunctions: ['css', 'Object.freeze'] },
        },
      },
    };
  }
  if (mode === 'bundle') {
    // The one file a plain <script type="module"> names, dependencies inlined: it defines the
    // checkout and the cart; the checkout's core and every later step's code are a file in
    // license-checkout/ beside it, imported relative to it when a step after the cart is first
    // needed (src/components/checkout/step-loader.ts).
    return {
      plugins: [minifyLitCss(), minifyLitHtml(), retryableStepFiles(), entryImportsNothing(), noZod(), shortPrivateNames()],
      build: {
        target: 'es2022',
        emptyOutDir: false,
        minify: true,
        // Its own entry, exporting what a script-tag page may import (an entry's exports are kept,
        // so lazy.ts, which exports the machine and the order's helpers, would keep them here).
        lib: { entry: 'src/script-tag.ts', formats: ['es'], fileName: () => 'license-checkout.js' },
        rolldownOptions: {
          // The steps' files may import what the entry already has from the entry (it is loaded
          // first anyway), rather than the entry and the steps sharing extra files.
          preserveEntrySignatures: 'allow-extension',
          // Unused frozen constants and style sheets stay out, as in the tags' file.
          treeshake: { manualPureFunctions: ['css', 'Object.freeze'] },
          output: {
            minify: true,
            comments: scriptTagComments,
            chunkFileNames: 'license-checkout/[name]-[hash].js',
            // Two files: the entry has every module it imports statically (`$initial`), the steps'
            // file everything loaded later, the core with the steps (the core is loaded for the
            // first step after the cart anyway). Measured: one file per step costs about 7 KB gzip
            // more in all (each repeats what it imports from the entry and compresses alone) and
            // nine requests instead of one, and the file is fetched while idle once the cart is
            // shown anyway. Left alone, the bundler also moved what the entry shares with the
            // steps into extra files that the entry imports at once (more requests before the cart).
            codeSplitting: {
              groups: [
                { name: 'license-checkout', tags: ['$initial'], priority: 2 },
                { name: 'steps', priority: 1 },
              ],
            },
          },
        },
      },
    };
  }
  return {
    plugins: [mockBackend(), minifyLitCss(), minifyLitHtml()],
    // The dev server serves the demo (index.html, the product page; checkout.html); the examples are built on their own.
    optimizeDeps: { entries: ['index.html', 'checkout.html'] },
    build: {
      target: 'es2022',
      // ES modules for bundler users: one file per source module, dependencies external.
      lib: {
        entry: {
          index: 'src/index.ts',
          lazy: 'src/lazy.ts',
          react: 'src/react.ts',
          tags: 'src/tags.ts',
          'mock/index': 'src/mock/index.ts',
          'mock/node': 'src/mock/node.ts',
          // Optional translations: separate entry points, never imported by index.ts.
          'i18n/de': 'src/i18n/de.ts',
          'i18n/ar': 'src/i18n/ar.ts',
        },
        formats: ['es'],
      },
      minify: false,
      rolldownOptions: {
        external: (id: string) => external.some((re) => re.test(id)) || id.startsWith('node:'),
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});
