// @ts-check
import eslint from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const noTests = { regex: '(^|/)tests/', message: 'the site and the scripts never import tests.' };
// Pagefind's files and WebAssembly are known in one folder; the rest of the site uses its four doors.
const seamInternals = {
  regex: '(^|/)pagefind/(?!(read|write|markup)\\.ts$)',
  message:
    "Pagefind's bytes are known only in src/lib/search/pagefind/: import its read.ts (search), write.ts (build), or markup.ts (indexed text).",
};
const pagefindPackage = {
  name: 'pagefind',
  message: 'only src/lib/search/pagefind/ drives Pagefind: use its write.ts.',
};
const astroModules = {
  regex: '^astro:',
  message:
    'astro:* modules are read by src/content.config.ts, src/lib/remarks.ts (the transcripts), pages, components, layouts and integrations: pass what they give in.',
};
const layering = {
  regex: '/(plugins|loaders|integrations|pages|components|layouts|client)/',
  message: 'src/lib and src/schemas are used by the pipeline, never the other way: pass what is needed in.',
};
// What a browser cannot load: Node's modules and packages built for Node.
const buildOnly = [
  { regex: '^node:', message: 'browser code (src/client/) cannot use Node modules.' },
  { regex: '^@node-rs/', message: 'browser code (src/client/) cannot use native Node packages.' },
  { regex: '^@gfx/zopfli$', message: 'browser code (src/client/) cannot use the build-time compressor.' },
  {
    regex: '^pagefind$',
    message: "browser code (src/client/) searches through src/lib/search/pagefind/read.ts, not Pagefind's Node API.",
  },
];
const noBench = {
  regex: '(^|/)scripts/bench/',
  message: 'tests import shared helpers from scripts/support/ only; a benchmark is not a library.',
};

/**
 * The no-restricted-imports rule with these patterns (and Pagefind's package unless `pagefindAllowed`).
 * @param {{ regex: string; message: string }[]} patterns
 * @returns {import('eslint').Linter.RulesRecord}
 */
function restrict(patterns, { pagefindAllowed = false } = {}) {
  return { 'no-restricted-imports': ['error', { paths: pagefindAllowed ? [] : [pagefindPackage], patterns }] };
}

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
  // tests/unit/lint-rules.test.ts breaks each rule on purpose. (A later block replaces an
  // earlier one's patterns for the files it matches, so each lists all that apply.)
  {
    files: ['src/**', 'scripts/**'],
    rules: restrict([noTests, seamInternals]),
  },
  {
    files: ['scripts/**', 'src/plugins/**'],
    rules: restrict([noTests, seamInternals, astroModules]),
  },
  {
    files: ['src/lib/**', 'src/schemas/**'],
    ignores: ['src/lib/remarks.ts'],
    rules: restrict([noTests, seamInternals, layering, astroModules]),
  },
  {
    files: ['src/lib/remarks.ts'],
    rules: restrict([noTests, seamInternals, layering]),
  },
  {
    files: ['src/lib/search/pagefind/**'],
    rules: restrict([noTests, layering, astroModules], { pagefindAllowed: true }),
  },
  {
    // The benchmark's stock Pagefind site is Pagefind as its documentation has it, for comparison.
    files: ['scripts/bench/stock-pagefind.ts'],
    rules: restrict([noTests, seamInternals, astroModules], { pagefindAllowed: true }),
  },
  {
    files: ['src/client/**'],
    rules: restrict([noTests, seamInternals, astroModules, ...buildOnly]),
  },
  {
    files: ['tests/**'],
    rules: restrict([noBench], { pagefindAllowed: true }),
  },
  ...astro.configs.recommended,
  {
    files: ['**/*.astro', '**/*.mjs', 'eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
