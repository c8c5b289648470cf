import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// `base: './'` makes the build relative, so the same dist/ runs from any folder of a web server
// or from a USB stick served by `vite preview`.
export default defineConfig({
  base: './',
  plugins: [react()],
  // The region data lives in data/ (not public/): it is validated and fingerprinted like code.
  assetsInclude: ['**/*.geojson'],
  build: {
    target: 'es2022',
    sourcemap: true,
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
