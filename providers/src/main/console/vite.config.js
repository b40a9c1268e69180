import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into providers/target/console/lampss-console/, which Maven packs into the providers jar.
// Relative URLs: the server adds a <base> naming the console's path (/realms/{realm}/lampss/console/).
export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    outDir: '../../../target/console/lampss-console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
