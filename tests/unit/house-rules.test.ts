import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { glob } from 'tinyglobby';
import { describe, expect, test } from 'vitest';
import config from '../../eslint.config.js';
import { projectRoot } from '../../scripts/support/paths.ts';

/**
 * The house's import rules (eslint.config.js), each broken on purpose: a rule that no longer
 * fires would let the layers blur without anyone noticing.
 */
const importRules = config.filter((block) => block.rules?.['no-restricted-imports'] !== undefined);
const linter = new Linter({ cwd: projectRoot, configType: 'flat' });

function problems(file: string, code: string): string[] {
  return linter
    .verify(
      code,
      [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...importRules],
      join(projectRoot, file),
    )
    .map((message) => message.message);
}

describe('the import rules', () => {
  test.each([
    ['src/client/x.ts', "import { readFile } from 'node:fs';", /Node modules/],
    ['src/client/x.ts', "import { Jieba } from '@node-rs/jieba';", /native Node packages/],
    ['src/client/x.ts', "import { gzipAsync } from '@gfx/zopfli';", /compressor/],
    ['src/client/x.ts', "import * as pagefind from 'pagefind';", /pagefind/],
    ['src/client/x.ts', "import { getCollection } from 'astro:content';", /astro:\*/],
    ['src/lib/x.ts', "import { getCollection } from 'astro:content';", /astro:\*/],
    ['scripts/x.ts', "import { getCollection } from 'astro:content';", /astro:\*/],
    ['src/pages/x.ts', "import { pack } from '../lib/search/pagefind/pack.ts';", /only in src\/lib\/search\/pagefind/],
    ['src/lib/search/x.ts', "import { encodeCbor } from './pagefind/cbor.ts';", /only in src\/lib\/search\/pagefind/],
    ['src/client/x.ts', "import { SearchableBundle } from '../lib/search/pagefind/bundle.ts';", /only in/],
    ['src/integrations/x.ts', "import * as pagefind from 'pagefind';", /only src\/lib\/search\/pagefind\/ drives/],
    ['scripts/x.ts', "import { createIndex } from 'pagefind';", /only src\/lib\/search\/pagefind\/ drives/],
    ['src/lib/x.ts', "import { x } from '../client/search/page.ts';", /never the other way/],
    ['src/pages/x.ts', "import { x } from '../../tests/support/content.ts';", /never import tests/],
    ['tests/unit/x.test.ts', "import { importCorpus } from '../../scripts/bench/corpus.ts';", /scripts\/support/],
  ])('%s: %s is refused', (file, code, message) => {
    expect(problems(file, code).join('\n')).toMatch(message);
  });

  test.each([
    ['src/pages/x.ts', "import { SearchIndex } from '../lib/search/pagefind/read.ts';"],
    ['src/client/x.ts', "import { SearchIndex } from '../lib/search/pagefind/read.ts';"],
    ['src/integrations/x.ts', "import { writeBundles } from '../lib/search/pagefind/write.ts';"],
    ['src/lib/search/x.ts', "import { weightedBlock } from './pagefind/markup.ts';"],
    ['src/lib/search/pagefind/x.ts', "import * as pagefind from 'pagefind';\nimport { pack } from './pack.ts';"],
    ['src/lib/remarks.ts', "import { getCollection } from 'astro:content';"],
    ['src/pages/x.ts', "import { getCollection } from 'astro:content';"],
    ['tests/unit/x.test.ts', "import { encodeCbor } from '../../src/lib/search/pagefind/cbor.ts';"],
  ])('%s: %s is allowed', (file, code) => {
    expect(problems(file, code)).toEqual([]);
  });
});

/** The modules a file imports, as written. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf-8');
  return [...source.matchAll(/^\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?'([^']+)'/gm)].map((match) => match[1]!);
}

describe('the browser code', () => {
  test('reaches no Node module, native package or build-only package, however deep it imports', async () => {
    const entries = await glob('src/client/**/*.ts', { cwd: projectRoot, absolute: true });
    expect(entries.length).toBeGreaterThan(5);
    const seen = new Set<string>();
    const reached: string[] = [];
    const visit = (file: string, from: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec), file);
        else reached.push(`${relative(projectRoot, file)} (from ${relative(projectRoot, from)}): ${spec}`);
      }
    };
    for (const entry of entries) visit(entry, entry);
    expect(seen.size).toBeGreaterThan(entries.length);
    expect(reached.filter((line) => /: (node:|@node-rs\/|@gfx\/zopfli|pagefind$|astro:)/.test(line))).toEqual([]);
  });
});
