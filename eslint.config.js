import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded PRNG (src/engine/prng.ts).' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The engine is pure: it runs in a worker, in Node and in tests alike.
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'zustand', 'd3*', '../worker/*', '../render/*', '../store/*', '../components/*'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'postMessage', 'performance', 'setTimeout', 'localStorage'],
    },
  },
  {
    // Every user-visible string of the page goes through the i18n layer (src/i18n, t()). Literal
    // text, and literal strings in JSX attributes and expressions, are errors; what is not read by
    // a person (class names, test ids, roles, ARIA states, input types, key names, symbols) is not.
    files: ['src/components/**/*.tsx', 'src/App.tsx'],
    ignores: ['src/**/*.test.tsx'],
    // Type information lets the rule pass a literal whose type is a union of literals (a field
    // name, a tone, a tab id): code, not text.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': ['error', {
        mode: 'jsx-only',
        'jsx-attributes': {
          exclude: [
            'className', '\\w*[cC]lassName', 'style', 'styleName', 'type', 'key', 'id', 'htmlFor', 'name', 'role',
            'data-[\\w-]+', 'testId', 'aria-(live|hidden|current|expanded|controls|haspopup|pressed|selected|checked|orientation|modal|labelledby|describedby|atomic|relevant|busy|invalid|sort|valuetext-format|owns)',
            'width', 'height', 'viewBox', 'd', 'x\\d?', 'y\\d?', 'cx', 'cy', 'r', 'rx', 'ry', 'fill', 'stroke[\\w-]*', 'strokeWidth', 'strokeDasharray', 'transform',
            'textAnchor', 'dominantBaseline', 'fontSize', 'fontWeight', 'points', 'preserveAspectRatio', 'xmlns',
            'href', 'src', 'target', 'rel', 'download', 'accept', 'autoComplete', 'inputMode', 'pattern', 'step', 'min', 'max',
            'lang', 'dir', 'tone', 'variant', 'size', 'kind', 'side', 'align', 'placement', 'as', 'shortcut', 'keyName', 'mode', 'ns',
            'storageKey', 'idPrefix', 'value', 'defaultValue', 'offset', 'aria-keyshortcuts', 'autoFocus', 'enterKeyHint',
          ],
        },
        words: {
          // Numbers, punctuation and symbols (☾ ☀ ▶ ⏸ × …), single key names (F, ?, Esc) and units.
          exclude: ['[0-9!-/:-@[-`{-~\\s]+', '[A-Z]', 'Esc', 'PageUp', 'PageDown', '[^A-Za-z\\u4e00-\\u9fff]+'],
        },
        // Identifiers in object literals: a tab's id, a notice's tone, an action's type.
        'object-properties': { exclude: ['[A-Z_-]+', 'id', 'tab', 'tone', 'type', 'kind', 'key', 'value', 'mode', 'model', 'className'] },
        callees: {
          exclude: ['i18n(ext)?', 't', 'tr', 'require', 'addEventListener', 'removeEventListener', 'postMessage', 'getElementById',
            'dispatch', 'includes', 'indexOf', 'endsWith', 'startsWith', 'cn', 'clsx', 'classes', 'querySelector(All)?', 'closest',
            'setAttribute', 'getAttribute', 'useTranslation', 'formatNumber', 'formatPercent', 'Intl\\.\\w+', 'toFixed', 'padStart', 'join', 'split', 'replace'],
        },
        'should-validate-template': true,
      }],
    },
  },
);
