import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// Where the region folders are read from at build time: data/regions, or another folder laid out the
// same way (a province's draft, or a test's fixture regions) through KCN_REGIONS_DIR.
const regionsDir = resolve(import.meta.dirname, process.env['KCN_REGIONS_DIR'] ?? 'data/regions');

// `base: './'` makes the build relative, so the same dist/ runs from any folder of a web server
// or from a USB stick served by `vite preview`.
export default defineConfig({
  base: './',
  plugins: [react()],
  resolve: { alias: { '@regions': regionsDir } },
  // The dev server may serve region files from outside the project when KCN_REGIONS_DIR points there.
  server: { fs: { allow: [import.meta.dirname, regionsDir] } },
  // The region data lives in data/ (not public/): it is validated and fingerprinted like code.
  assetsInclude: ['**/*.geojson'],
  build: {
    target: 'es2022',
    sourcemap: true,
    // Region files stay files, however small: they are data a province swaps, fetched and cached as such.
    assetsInlineLimit: (file: string) => (/\.(geo)?json$/.test(file) ? false : undefined),
    // maplibre-gl is by far the largest dependency; its own chunk caches apart from app code and
    // lets the benchmark report app code apart from it.
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'maplibre-gl', test: /node_modules[\\/]maplibre-gl[\\/]/ }],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
  },
});
