// @ts-check
import eslint from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const noTests = { regex: '(^|/)tests/', message: 'the site and the scripts never import tests.' };

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'bench/results/'] },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Spreading a string into code points is what Chinese text needs (one Han character each).
      '@typescript-eslint/no-misused-spread': ['error', { allow: [{ from: 'lib', name: 'string' }] }],
    },
  },
  // The pipeline's direction (content → schema → remark plugin → transcript model → pages → index):
  // the model and the logic under src/lib know nothing of the layers that use them, and the site
  // knows nothing of tests. Shared helpers of tests and benchmarks live in scripts/support/.
  {
    files: ['src/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noTests] }],
    },
  },
  {
    files: ['src/lib/**', 'src/schemas/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noTests,
            {
              regex: '/(plugins|loaders|integrations|pages|components|layouts|scripts)/',
              message: 'src/lib and src/schemas are used by the pipeline, never the other way: pass what is needed in.',
            },
          ],
        },
      ],
    },
  },
  ...astro.configs.recommended,
  {
    files: ['**/*.astro', '**/*.mjs', 'eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
