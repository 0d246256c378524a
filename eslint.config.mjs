// Lint rules that protect the design: typed code, no provider barrels (2,200 modules), cdktf only behind
// the import boundary (constructs/core), no focused or skipped tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const boundary = ['constructs/core/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'cdktf.out/**', 'coverage/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@cdktf/provider-aws', message: 'Deep-import through constructs/core/aws.ts: the barrel loads ~2,200 modules.' },
            { name: '@cdktf/provider-kubernetes', message: 'Deep-import through constructs/core/kubernetes.ts.' },
            { name: '@cdktf/provider-helm', message: 'Deep-import through constructs/core/helm.ts.' },
            { name: 'cdktf', message: 'Import cdktf through constructs/core/cdktf.ts (the import boundary).' },
          ],
          patterns: [{ group: ['@cdktf/*'], message: 'Import providers through constructs/core (the import boundary).' }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]", message: 'No focused or skipped tests.' },
      ],
    },
  },
  { files: boundary, rules: { 'no-restricted-imports': 'off' } },
  { files: ['**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  // Plain CommonJS that runs before npm ci (scripts/check-node-version.cjs).
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
