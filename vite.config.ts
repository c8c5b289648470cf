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
    chunkSizeWarningLimit: 1200,
  },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
  },
});
