/**
 * An editor's loop on a content folder (the whole shared corpus by default): the content check,
 * `npm run dev` until ready, its first transcript page, an edit until the page shows it, and
 * search in dev against the last build's index. `npm run bench:editor` writes
 * bench/results/editor.md; `npm run bench` measures the same after its 1x build.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { checkContent } from '../../src/lib/check/content.ts';
import { transcriptFiles } from '../../src/lib/transcript/files.ts';
import { renderTranscript } from '../../src/plugins/render.ts';
import { buildSite } from '../support/build.ts';
import { startDev } from '../support/dev.ts';
import { projectRoot } from '../support/paths.ts';
import { importCorpus } from './corpus.ts';

export interface EditorsLoop {
  transcripts: number;
  checkSeconds: number;
  devReadySeconds: number;
  firstPageSeconds: number;
  editVisibleSeconds: number;
  devSearchWorks: boolean;
}

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

/**
 * Measures the loop on `content`, with `out` the last build's output (its search index). The dev
 * server gets a cache folder of its own: it would not reuse a build's content store anyway (Astro
 * clears it when the configuration differs, as dev's does), and its entries (held-models.ts) would
 * make the next build read every file again.
 */
export async function measureEditorsLoop(content: string, out: string): Promise<EditorsLoop> {
  const root = dirname(content);
  let started = performance.now();
  const check = await checkContent(
    { remarks: content, permalinks: join(root, 'permalinks.txt'), redirects: join(root, 'redirects.json') },
    renderTranscript,
  );
  const checkSeconds = seconds(started);
  const dev = await startDev({ content, out, cache: mkdtempSync(join(tmpdir(), 'lectern-bench-dev-cache-')) });
  try {
    const files = await transcriptFiles(content);
    const file = files.find((name) => name.startsWith('en/')) ?? files[0]!;
    const page = `${dev.url}/remarks/${file.replace(/\.md$/, '')}/`;
    started = performance.now();
    await (await fetch(page)).text();
    const firstPageSeconds = seconds(started);
    const text = readFileSync(join(content, file), 'utf-8');
    const marker = `Edited ${Date.now()}`;
    started = performance.now();
    writeFileSync(join(content, file), text.replace(/^(A|答|[A-Z][\w ]+):\s?/m, `$&${marker} `));
    let editVisibleSeconds = Number.NaN;
    try {
      // Polled as a reader reloading would: each request renders the page with what the server holds.
      for (let tries = 0; tries < 1200; tries++) {
        if ((await (await fetch(page)).text()).includes(marker)) {
          editVisibleSeconds = seconds(started);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      writeFileSync(join(content, file), text);
    }
    const search = await fetch(`${dev.url}/pagefind/en/segments.json`);
    return {
      transcripts: check.transcripts,
      checkSeconds,
      devReadySeconds: Math.round(dev.ready * 10) / 10,
      firstPageSeconds,
      editVisibleSeconds,
      devSearchWorks: search.ok,
    };
  } finally {
    await dev.close();
  }
}

export function editorsLoopTable(loop: EditorsLoop): string {
  return [
    `| ${loop.transcripts.toLocaleString('en')} transcripts | measured | target |`,
    '| --- | --- | --- |',
    `| npm run check:content | ${loop.checkSeconds} s | ≤ 10 s |`,
    `| npm run dev, ready | ${loop.devReadySeconds} s | ≤ 15 s |`,
    `| its first transcript page | ${loop.firstPageSeconds} s | |`,
    `| an edit to a transcript, visible on its page | ${loop.editVisibleSeconds} s | ≤ 2 s |`,
    `| search in dev, against the last build's index | ${loop.devSearchWorks ? 'works' : 'does not'} | works |`,
  ].join('\n');
}

if (import.meta.main) {
  const { content } = await importCorpus();
  const built = await buildSite(content, { LECTERN_CARDS: 'skip' });
  if (built.code !== 0) throw new Error(`the build failed:\n${built.output.slice(-2000)}`);
  const loop = await measureEditorsLoop(content, built.outDir);
  const dir = join(projectRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'editor.json'), `${JSON.stringify({ date: new Date().toISOString(), ...loop }, null, 2)}\n`);
  writeFileSync(
    join(dir, 'editor.md'),
    `# An editor's loop (${new Date().toISOString().slice(0, 10)}, 2 cores, the shared corpus)\n\n${editorsLoopTable(loop)}\n`,
  );
  console.log(`wrote ${relative(process.cwd(), join(dir, 'editor.md'))}`);
}
