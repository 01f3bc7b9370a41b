import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spokespeople } from '../../src/lib/transcript/spokespeople.ts';
import { projectRoot } from '../support/paths.ts';

/**
 * A bare Astro site over the same Markdown: Astro's glob loader and default Markdown, the smallest
 * page per file (title and body in data-pagefind-body), then Pagefind with its defaults over the
 * output. What this project costs on top is measured against it, in the same run.
 */
export function bareProject(content: string, perAnswer = false): { dir: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bare-'));
  const out = join(dir, 'dist');
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ outDir: ${JSON.stringify(out)} });\n`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { glob } from 'astro/loaders';",
      "import { z } from 'astro/zod';",
      `const remarks = defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(content)} }), schema: z.looseObject({ title: z.string() }) });`,
      'export const collections = { remarks };',
    ].join('\n'),
  );
  if (perAnswer) {
    // One page per answer: the body cut before each question ("Q:", "问：", an outlet's "Reuters:"),
    // not before answers ("A:", "答：", a spokesperson's name), each piece through Astro's remark
    // processor. A regular expression, not this project's parser: rough, as a baseline should be.
    mkdirSync(join(dir, 'src/pages/[...id]'), { recursive: true });
    writeFileSync(
      join(dir, 'src/pages/[...id]/[n].astro'),
      [
        '---',
        "import { getCollection } from 'astro:content';",
        "import { createMarkdownProcessor } from '@astrojs/markdown-remark';",
        'export async function getStaticPaths() {',
        '  // Astro runs getStaticPaths on its own: what it uses is defined inside it.',
        `const answers = /^\\s*(A|答|Answer|${spokespeople.flatMap((p) => [p.en, p.zh]).join('|')})\\s*$/i;`,
        'function chunks(body) {',
        '  const out = [];',
        '  for (const paragraph of body.split(/\\n\\n/)) {',
        '    const label = /^([^\\n:：]{1,30})[:：]/.exec(paragraph)?.[1];',
        '    if (out.length === 0 || (label && !answers.test(label))) out.push(paragraph);',
        "    else out[out.length - 1] += '\\n\\n' + paragraph;",
        '  }',
        '  return out;',
        '}',
        "  return (await getCollection('remarks')).flatMap((entry) =>",
        "    chunks(entry.body ?? '').map((chunk, n) => ({ params: { id: entry.id, n: String(n + 1) }, props: { chunk, entry } })),",
        '  );',
        '}',
        'const processor = await createMarkdownProcessor();',
        'const { chunk, entry } = Astro.props;',
        'const { code } = await processor.render(chunk);',
        '---',
        '<html lang={entry.data.lang ?? \'en\'}><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>',
        '<body><main data-pagefind-body><h1>{entry.data.title}</h1><Fragment set:html={code} /></main></body></html>',
      ].join('\n'),
    );
  } else
    writeFileSync(
      join(dir, 'src/pages/[...id].astro'),
      [
        '---',
        "import { getCollection, render } from 'astro:content';",
        'export async function getStaticPaths() {',
        "  return (await getCollection('remarks')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));",
        '}',
        'const { entry } = Astro.props;',
        'const { Content } = await render(entry);',
        '---',
        '<html lang={entry.data.lang ?? \'en\'}><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>',
        '<body><main data-pagefind-body><h1>{entry.data.title}</h1><Content /></main></body></html>',
      ].join('\n'),
    );
  writeFileSync(
    join(dir, 'pagefind.mjs'),
    [
      "import * as pagefind from 'pagefind';",
      'const { index } = await pagefind.createIndex({});',
      `const added = await index.addDirectory({ path: ${JSON.stringify(out)} });`,
      `await index.writeFiles({ outputPath: ${JSON.stringify(join(out, 'pagefind'))} });`,
      "console.log('pagefind pages', added.page_count);",
      'await pagefind.close();',
    ].join('\n'),
  );
  return { dir, out };
}
