import { defineConfig } from 'vite';
import { mockBackend, packageAliases } from '../mock-backend.js';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [mockBackend()],
  resolve: { alias: packageAliases },
  // React 17+ JSX transform: no `import React` needed in .tsx files.
  oxc: { jsx: { runtime: 'automatic' } },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
