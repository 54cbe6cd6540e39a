// Lint: typescript-eslint's recommended rules, React hooks rules, no import cycles, and the
// project's one-way imports, written once below (LAYERS) and checked by import-x/no-restricted-paths.
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/**
 * The layers of src/, top to bottom. A folder imports from the layers below its own, never from one
 * above; within a layer, only along the arrows in SIBLINGS:
 *
 *   app → features → { viewer, store, components, i18n, live, certificate } → content
 */
const LAYERS = [['app'], ['features'], ['viewer', 'store', 'components', 'i18n', 'live', 'certificate'], ['content']];
const SIBLINGS = {
  viewer: [], // plain props in, events out: no store, router or i18n (the packages are banned below too)
  store: ['live', 'certificate'], // live URLs (/live/CODE) and verify URLs (/verify/CODE) are read with their code formats
  components: ['store', 'i18n'],
  i18n: [],
  live: [],
  certificate: [], // the certificate's pure rules (name), shared by its page and the server
};
/** Feature folders: none imports another (the app composes them). Read from disk, so a new one is covered. */
const FEATURES = readdirSync('src/features', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

const layerZones = LAYERS.flatMap((layer, i) =>
  layer.flatMap((folder) => {
    const above = LAYERS.slice(0, i).flat();
    const siblings = layer.filter((other) => other !== folder && !(SIBLINGS[folder] ?? []).includes(other));
    return [
      ...above.map((other) => ({ target: `./src/${folder}`, from: `./src/${other}`, message: `src/${folder} is below src/${other}: ${LAYERS.map((l) => (l.length > 1 ? `{${l.join(', ')}}` : l[0])).join(' → ')}` })),
      ...siblings.map((other) => ({ target: `./src/${folder}`, from: `./src/${other}`, message: `src/${folder} does not import src/${other} (eslint.config.js SIBLINGS)` })),
    ];
  }),
);

const featureZones = FEATURES.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`],
  message: 'Features never import each other: what two need goes down a layer (components, store, …), or the app composes them.',
}));

/** Inside the viewer: shared leaves at its root; the two views apart; the panorama's machinery one way (format ← loading ← controller ← components). */
const viewerZones = [
  { target: './src/viewer/*.{ts,tsx}', from: ['./src/viewer/panorama', './src/viewer/campus'], message: 'The viewer root holds what both views share; it imports neither.' },
  { target: './src/viewer/campus', from: './src/viewer/panorama', message: 'The two views do not import each other.' },
  { target: './src/viewer/panorama', from: './src/viewer/campus', message: 'The two views do not import each other.' },
  { target: './src/viewer/panorama/format', from: './src/viewer/panorama', except: ['./format'], message: 'The tile format is the bottom of the panorama (the Node tiler uses it too).' },
  { target: './src/viewer/panorama/loading', from: './src/viewer/panorama', except: ['./loading', './format'], message: 'Loading knows the format, not the controller or the components.' },
  { target: './src/viewer/panorama/controller', from: './src/viewer/panorama', except: ['./controller', './loading', './format'], message: 'The controller knows loading and the format, not the components.' },
];

/** The Node side: lib/ serves config, scripts, bench and tests; the app imports none of it. */
const nodeZones = [
  { target: './src', from: ['./lib', './scripts', './tests', './bench', './server'], message: 'The app runs in the browser: no Node-side code.' },
  { target: './lib', from: ['./scripts', './tests', './bench', './vite.config.ts'], message: 'lib/ is imported by scripts, bench, tests and the config, never the other way.' },
  { target: ['./scripts', './bench', './server'], from: './tests', message: 'Shared Node code lives in lib/, not in tests/.' },
];

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
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'scripts/**/*.ts', 'lib/**/*.ts', 'bench/**/*.ts', 'tests/**/*.{ts,tsx}', 'vite.config.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...featureZones, ...viewerZones, ...nodeZones] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'scripts/**/*.ts', 'lib/**/*.ts', 'bench/**/*.ts'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/viewer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react-router', 'react-i18next', 'i18next', 'zustand'], message: 'The viewer takes plain props and reports events: no store, router or i18n.' }] },
      ],
    },
  },
);
