import { defineConfig } from 'vite';
import { mockBackend, packageAliases } from '../mock-backend.js';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [mockBackend()],
  resolve: { alias: packageAliases },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
