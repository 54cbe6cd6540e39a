// Lint: typescript-eslint's recommended rules, React hooks rules, and the project's one-way imports:
// the viewer knows no store, router or i18n; features do not import each other or the app.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'public/generated/', 'coverage/', 'bench-results/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/viewer/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/store/**', '**/app/**', '**/features/**', '**/i18n/**', 'react-router', 'react-i18next', 'i18next', 'zustand'], message: 'The viewer takes plain props and reports events: no store, router or i18n.' },
      ]),
    },
  },
  {
    files: ['src/content/**', 'src/store/**', 'src/i18n/**', 'src/components/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/app/**', '**/features/**'], message: 'Imports go one way: app → features → {viewer, store, components, i18n} → content.' },
      ]),
    },
  },
  {
    // The Node-side library serves config, scripts, bench and tests; it imports none of them.
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/scripts/**', '**/tests/**', '**/bench/**', '**/vite.config*'], message: 'lib/ is imported by scripts, bench, tests and the config, never the other way.' },
      ]),
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'server/**'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['**/tests/**'], message: 'Shared Node code lives in lib/, not in tests/.' }]),
    },
  },
  {
    files: ['src/features/*/**'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['**/app/**'], message: 'Features do not import the app.' }]),
    },
  },
);
