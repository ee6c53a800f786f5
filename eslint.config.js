// ESLint flat config. Besides the usual TypeScript, React-hooks and a11y rules, it keeps the
// simulation core pure: src/sim and src/machines may not reach for React, the DOM, timers,
// wall-clock time or randomness, because the same seed and commands must give the same trace.
// The one-way layering between folders is checked by src/architecture.test.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

const impureGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'performance',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'requestAnimationFrame',
  'queueMicrotask',
  'fetch',
  'crypto',
].map((name) => ({
  name,
  message: `src/sim is pure and deterministic: '${name}' is not allowed here.`,
}));

export default tseslint.config(
  {
    ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage', '.bridge'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
    },
  },
  {
    files: ['src/sim/**/*.ts', 'src/machines/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use the seeded generator in src/sim/random.ts.',
        },
        { object: 'Date', property: 'now', message: 'Use the virtual clock of the simulation.' },
        {
          object: 'performance',
          property: 'now',
          message: 'Use the virtual clock of the simulation.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'new Date() reads the wall clock; use the virtual clock of the simulation.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'path', 'http', 'https', 'net', 'tls', 'crypto', 'os', 'child_process'].map(
            (name) => ({ name, message: 'src/sim runs in the browser too.' }),
          ),
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'src/sim renders nothing.',
            },
            {
              group: ['@xyflow/*', 'zustand', 'zustand/*', '@xstate/react'],
              message: 'src/sim renders nothing.',
            },
            { group: ['node:*'], message: 'src/sim runs in the browser too.' },
          ],
        },
      ],
    },
  },
);
