// Lint: typescript-eslint's recommended rules plus the layer rules of the design card:
// `electron` only in main/, `react` only in renderer/, Node built-ins never in renderer/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'worker_threads', 'stream', 'http', 'net'];
const restrict = (...groups) => ['error', { patterns: groups.flat() }];
const noElectron = [{ group: ['electron', 'electron/*'], message: 'Electron belongs in main/ only.' }];
const noReact = [{ group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'React belongs in renderer/ only.' }];
const noNode = [{ group: ['node:*', ...nodeBuiltins], message: 'The renderer runs sandboxed: no Node built-ins; go through the preload API.' }];
const noUpward = [{ group: ['**/main/*', '**/renderer/*', '../main', '../renderer'], message: 'src/ is the core: it never depends on main/ or renderer/.' }];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'docs/', 'coverage/', 'tests/.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: globals.node } },
  { files: ['src/**/*.ts'], rules: { 'no-restricted-imports': restrict(noElectron, noReact, noUpward) } },
  { files: ['main/**/*.ts'], rules: { 'no-restricted-imports': restrict(noReact) } },
  { files: ['renderer/**/*.{ts,tsx}'], ignores: ['renderer/vite.config.ts'], languageOptions: { globals: globals.browser }, rules: { 'no-restricted-imports': restrict(noElectron, noNode) } },
);
