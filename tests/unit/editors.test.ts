import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/check/content.ts';
import { duration, Progress, progressLine } from '../../src/lib/progress.ts';
import { loadTranscript } from '../../src/lib/transcript/load.ts';
import { skeletonPath, transcriptSkeleton } from '../../src/lib/transcript/skeleton.ts';
import { FRONTMATTER_SCHEMA_FILE, frontmatterJsonSchema } from '../../src/schemas/json-schema.ts';
import { renderTranscript } from '../../src/plugins/render.ts';
import { projectRoot } from '../../scripts/support/paths.ts';

// An editor's tools: the content check that reads every transcript without rendering a page, the
// skeleton of a new transcript, the front matter's JSON Schema, and progress on long work.
const fixtures = join(projectRoot, 'tests/fixtures/transcripts');

/** A content folder (remarks/, permalinks.txt, redirects.json) holding the given fixtures. */
function contentOf(names: string[]) {
  const root = mkdtempSync(join(tmpdir(), 'lectern-check-'));
  const remarks = join(root, 'remarks');
  for (const name of names) {
    mkdirSync(join(remarks, name.startsWith('zh-') ? 'zh' : 'en'), { recursive: true });
    cpSync(join(fixtures, name, 'input.md'), join(remarks, name.startsWith('zh-') ? 'zh' : 'en', `${name}.md`));
  }
  return {
    root,
    paths: { remarks, permalinks: join(root, 'permalinks.txt'), redirects: join(root, 'redirects.json') },
  };
}

describe('npm run check:content', () => {
  test('finds every malformed fixture, each at the file and line the build names', async () => {
    const malformed = readdirSync(fixtures).filter((name) => name.startsWith('malformed-'));
    const { root, paths } = contentOf(['qa-classic', ...malformed]);
    const { transcripts, problems } = await checkContent(paths, renderTranscript, root);
    expect(transcripts).toBe(malformed.length + 1);
    for (const name of malformed) {
      const expected = readFileSync(join(fixtures, name, 'error.txt'), 'utf-8')
        .trim()
        .replace(`${name}/input.md`, `remarks/en/${name}.md`);
      expect(problems, name).toContain(expected);
    }
    expect(problems).toHaveLength(malformed.length);
  });

  test('a published URL that would disappear is named at its line of the manifest, with what to write', async () => {
    const { root, paths } = contentOf(['qa-classic']);
    writeFileSync(
      paths.permalinks,
      '# published\n/remarks/en/qa-classic/\n/remarks/en/qa-classic/q1/\n/remarks/en/qa-classic/q9/\n',
    );
    const { problems } = await checkContent(paths, renderTranscript, root);
    expect(problems).toEqual([
      'permalinks.txt:4: /remarks/en/qa-classic/q9/ was published and would disappear: keep its transcript\'s path and its answer\'s id (pin it in "exchanges"), or add "/remarks/en/qa-classic/q9/": "<new path>" to redirects.json.',
    ]);
    writeFileSync(paths.redirects, JSON.stringify({ '/remarks/en/qa-classic/q9/': '/remarks/en/qa-classic/q1/' }));
    expect((await checkContent(paths, renderTranscript, root)).problems).toEqual([]);
  });

  test('a line of the entity pages published that is no id is a problem, at its line', async () => {
    const { root, paths } = contentOf(['qa-classic']);
    const entityAddresses = join(root, 'entity-addresses.txt');
    writeFileSync(entityAddresses, '# published\nhuawei\tHuawei\t华为\nHuawei Technologies\tHuawei\n');
    const { problems } = await checkContent({ ...paths, entityAddresses }, renderTranscript, root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^entity-addresses\.txt:3: "Huawei Technologies" is not an entity id/);
  });

  test('a mistake in the table of entities is a problem, at its line, with what to do', async () => {
    const { root, paths } = contentOf(['qa-classic']);
    const entities = join(root, 'entities.yaml');
    writeFileSync(
      entities,
      'entities:\n  - id: wto\n    kind: agency\n    names: { en: [WTO], zh: [世贸组织] }\n    source: its own names\n',
    );
    expect((await checkContent({ ...paths, entities }, renderTranscript, root)).problems).toEqual([
      'entities.yaml:2: entities.0.kind: kind is one of place, person, organisation',
    ]);
  });

  test('a translation pin that names no transcript, and a redirect with a broken key, are problems', async () => {
    const { root, paths } = contentOf(['qa-classic']);
    const file = join(paths.remarks, 'en/qa-classic.md');
    writeFileSync(file, readFileSync(file, 'utf-8').replace('\nlang: en\n', '\nlang: en\ntranslation: zh/nowhere\n'));
    writeFileSync(paths.redirects, '{"/remarks/%00/": "/remarks/en/qa-classic/"}');
    const { problems } = await checkContent(paths, renderTranscript, root);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^remarks\/en\/qa-classic\.md:\d+: translation "zh\/nowhere" is not a transcript here/);
    expect(problems[1]).toMatch(/^redirects\.json: "\/remarks\/%00\/": its %-escapes make a control character/);
  });
});

describe('npm run new', () => {
  test.each([
    [
      'en',
      'press-conference',
      'Lu Kang',
      "Foreign Ministry Spokesperson Lu Kang's Regular Press Conference on March 12, 2019",
    ],
    ['zh', 'press-conference', '陆慷', '2019年3月12日外交部发言人陆慷主持例行记者会'],
  ] as const)(
    'a %s skeleton has its path and title; until its source is given the check says where',
    async (lang, kind, who, title) => {
      const path = skeletonPath(lang, '2019-03-12', kind);
      expect(path).toBe(`${lang}/2019/2019-03-12-press-conference.md`);
      const text = transcriptSkeleton({ lang, date: '2019-03-12', kind, spokesperson: who, path });
      expect(text).toContain(`title: ${JSON.stringify(title)}`);
      expect(text).toContain('# yaml-language-server: $schema=../../../transcript.schema.json');
      await expect(loadTranscript(text, `content/remarks/${path}`, renderTranscript)).rejects.toThrow(
        `content/remarks/${path}:8: source: missing. Add "source: ..." to the front matter.`,
      );
      const filled = text.replace(/^source: .*$/m, 'source: https://www.fmprc.gov.cn/example/t1.shtml');
      const { frontmatter, transcript } = await loadTranscript(filled, 'x.md', renderTranscript);
      expect(frontmatter).toMatchObject({ lang, date: '2019-03-12', kind, spokesperson: who, title });
      expect(transcript.exchanges).toHaveLength(1);
    },
  );

  test('the published front matter schema is the one the zod schema makes', () => {
    expect(JSON.parse(readFileSync(join(projectRoot, FRONTMATTER_SCHEMA_FILE), 'utf-8'))).toEqual(
      frontmatterJsonSchema(),
    );
  });
});

describe('progress of long work', () => {
  test('a line says how many, how fast and how long is left; a log gets one every 5 s at most', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = new Progress({
      label: 'drawing share cards',
      live: false,
      write: (line) => lines.push(line),
      now: () => now,
    });
    for (let done = 1; done <= 11_851; done += 10) {
      now = done * 32;
      progress.update(done, 11_851);
    }
    progress.finish(11_851, 'cards drawn');
    // 379 s of work: a line each 5 s (74), and the summary.
    expect(lines.length).toBe(75);
    expect(lines[0]).toBe('drawing share cards: 161 of 11,851 (1%), 31 a second, about 6 min 14 s left');
    expect(lines.at(-1)).toBe('drawing share cards: 11,851 cards drawn in 6 min 19 s (31 a second)');
  });

  test('times read as people say them', () => {
    expect(progressLine('x', 0, 10, 0)).toBe('x: 0 of 10 (0%)');
    expect([duration(4_200), duration(48_000), duration(279_000), duration(3_810_000)]).toEqual([
      '4.2 s',
      '48 s',
      '4 min 39 s',
      '1 h 3 min',
    ]);
  });
});
