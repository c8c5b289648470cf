// ESLint holds the layer rules of DESIGN.md › "Rules that keep it livable" (what each folder may
// import) and React's hook rules; typescript-eslint's recommended set for the rest. Kept to what
// the rules need, so that code written elsewhere mostly passes as it is. Import cycles are checked
// by `npm run lint:cycles` (dpdm), unused exports by `npm run lint:unused` (knip).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const MAPLIBRE = {
  group: ['maplibre-gl', 'maplibre-gl/*'],
  message: 'Only src/map/ imports maplibre-gl (the map engine stays behind the bridge).',
};

/** Folders below the app: pure code that the UI, the store and the map build on. */
const PURE = {
  group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'zustand/*', '**/store/**', '**/features/**', '**/map/**', '**/app/**'],
  message: 'geo/, analytics/, domain/ and io/ import no React, store, features, map or app: pass values in instead.',
};

/** zod is configured once (domain/z.ts, no eval under the CSP); everything else takes `z` from there. */
const ZOD = {
  group: ['zod', '!zod/v4/locales/*'],
  message: "Import `z` from domain/z.ts: it sets zod's jitless mode before any schema is made (the CSP forbids eval).",
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'public/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // `_`-prefixed names are deliberately unused (a parameter a signature requires)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Browser and Node globals are TypeScript's to check (tsconfig's lib and types).
      'no-undef': 'off',
      // DXF and other fixed-width formats are matched with their literal spaces
      'no-regex-spaces': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/map/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [MAPLIBRE, ZOD] }] },
  },
  {
    files: ['src/map/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ZOD] }] },
  },
  {
    files: ['src/geo/**', 'src/analytics/**', 'src/domain/**', 'src/io/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [MAPLIBRE, PURE, ZOD] }] },
  },
  {
    files: ['src/domain/z.ts', 'src/domain/zodVietnamese.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [MAPLIBRE, PURE] }] },
  },
  {
    // geo/ is the floor: nothing of the app above it
    files: ['src/geo/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [MAPLIBRE, PURE, ZOD, { group: ['**/analytics/**', '**/domain/**', '**/io/**', '**/i18n/**'], message: 'geo/ is the bottom layer: it imports only GeoJSON types and geometry libraries.' }] },
      ],
    },
  },
);
