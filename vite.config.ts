import { defineConfig, type Plugin } from 'vite';
import { createMockHub } from './src/mock/hub.js';

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

// react and react-dom are the React wrappers' peer dependency (@lit/react is matched by /^@lit\//).
/**
 * Minifies the CSS inside Lit's css`` templates (comments, indentation, spaces around
 * punctuation): Vite minifies the JavaScript around them but leaves template text as written.
 * Only templates without interpolations are touched, and only in our own sources.
 */
export function minifyLitCss(): Plugin {
  const minify = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'license-checkout:minify-lit-css',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      return { code: code.replace(/\bcss`([^`$]*)`/g, (_, body: string) => `css\`${minify(body)}\``), map: null };
    },
  };
}

const external = [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/, /^ky(\/|$)/, /^react(-dom)?(\/|$)/];

export default defineConfig(({ mode }) => {
  if (mode === 'bundle-tags') {
    // The product-page tags alone, self-contained: dist/license-checkout-tags.js (budget 10 KB gzip).
    return {
      plugins: [minifyLitCss()],
      build: {
        target: 'es2022',
        emptyOutDir: false,
        minify: true,
        lib: { entry: 'src/tags.ts', formats: ['es'], fileName: () => 'license-checkout-tags.js' },
        rolldownOptions: {
          output: { minify: true },
          // The tags use zod-free functions of src/checkout/cart-store.ts, but that module and
          // src/api/schemas.ts build zod schemas at their top level, which the bundler keeps as
          // possible side effects. Building a schema has none: calls through the `z` namespace
          // are declared pure, so the unused schemas (and zod with them) drop out.
          treeshake: { manualPureFunctions: ['z', 'css'] },
        },
      },
    };
  }
  if (mode === 'bundle') {
    // One self-contained file for a plain <script type="module">: dependencies inlined.
    return {
      plugins: [minifyLitCss()],
      build: {
        target: 'es2022',
        emptyOutDir: false,
        minify: true,
        lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'license-checkout.js' },
        rolldownOptions: { output: { minify: true } },
      },
    };
  }
  return {
    plugins: [mockBackend(), minifyLitCss()],
    // The dev server serves the demo (index.html, the product page; checkout.html); the examples are built on their own.
    optimizeDeps: { entries: ['index.html', 'checkout.html'] },
    build: {
      target: 'es2022',
      // ES modules for bundler users: one file per source module, dependencies external.
      lib: {
        entry: {
          index: 'src/index.ts',
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
