// Vite 8 builds the web app. JSX goes through Vite's built-in oxc transform (automatic runtime);
// @vitejs/plugin-react is not needed. The pure domain library is bundled from source.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const dir = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: dir,
  base: '/',
  publicDir: path.join(dir, 'public'),
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    alias: { '@thuismonitor/domain': path.resolve(dir, '../../libs/domain/src/index.ts') },
  },
  build: {
    outDir: path.join(dir, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // "use client" directives of react-router/react-intl are meaningless in a SPA bundle
      onwarn(warning, standaard) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        standaard(warning);
      },
    },
  },
  logLevel: process.env.VITE_LOG_LEVEL ?? 'warn',
});
