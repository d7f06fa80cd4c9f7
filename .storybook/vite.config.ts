// Storybook's own Vite config: the project's vite.config.ts is for the library build
// (lib mode, externals, preserved modules), none of which fits a Storybook app.
import { defineConfig } from 'vite';

export default defineConfig({
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
