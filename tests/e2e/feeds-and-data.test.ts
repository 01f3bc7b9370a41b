import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../scripts/support/build.ts';
import { plainText } from '../../src/plugins/to-html.ts';
import {
  answerRow,
  entityRow,
  formulaRow,
  turnTexts,
  transcriptDocument,
  transcriptRow,
} from '../../src/lib/data/rows.ts';
import { fixtureContent } from '../support/content.ts';
import { neutralised } from '../../src/lib/data/csv.ts';

const SITE = 'https://remarks.example.org';

// Feeds, sitemap, open data and JSON-LD of the fixture site, built for a public address: read as
// their users' tools read them, and held against the pages the site publishes.
describe('feeds, sitemap and open data', () => {
  let dist: string;
  const read = (path: string) => readFileSync(join(dist, path));
  /** The file a URL of the site is served from, or undefined if the site has none. */
  const fileOf = (url: string): string | undefined => {
    const { origin, pathname } = new URL(url);
    expect(origin).toBe(SITE);
    const file = join(dist, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');
    return existsSync(file) ? file : undefined;
  };
  /** A gzipped JSON Lines file's rows, each checked against its schema. */
  const jsonLines = <T>(path: string, schema: { parse: (value: unknown) => T }): T[] =>
    gunzipSync(read(path))
      .toString('utf-8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => schema.parse(JSON.parse(line)));
  const html = (path: string) => unified().use(rehypeParse).parse(read(path).toString('utf-8'));
  /** Every answer page the build wrote: remarks/<id>/<answer>/index.html. */
  const answerPages = () =>
    readdirSync(join(dist, 'remarks'), { recursive: true })
      .map(String)
      .filter((path) => path.endsWith('/index.html') && path.split('/').length >= 4)
      .map((path) => path.replace(/\/index\.html$/, ''))
      .filter((path) => !existsSync(join(dist, 'remarks', `${path}.json`)));

  beforeAll(async () => {
    const build = await buildSite(fixtureContent(), { SITE_URL: SITE, LECTERN_CARDS: 'skip' });
    if (build.code !== 0) throw new Error(`build failed:\n${build.output}`);
    dist = build.outDir;
  });

  test('every feed is valid XML that a feed reader reads, with entries that exist', () => {
    const feeds = readdirSync(join(dist, 'feeds'), { recursive: true })
      .map(String)
      .filter((path) => path.endsWith('.xml'));
    expect(feeds.sort()).toEqual(
      expect.arrayContaining(['all.xml', 'en.xml', 'zh.xml', 'spokespeople/lu-kang.xml', 'topics/5g.xml']),
    );
    const transcripts = readdirSync(join(dist, 'remarks'), { recursive: true }).filter((path) =>
      String(path).endsWith('.json'),
    ).length;
    for (const path of feeds) {
      const xml = read(join('feeds', path)).toString('utf-8');
      expect(SyntaxValidator.validate(xml), path).toBe(true);
      const feed = parseFeed(xml);
      expect(feed.title, path).toBeTruthy();
      expect(feed.self, path).toBe(`${SITE}/feeds/${path}`);
      expect(feed.items.length, path).toBeGreaterThan(0);
      expect(feed.items.length, path).toBeLessThanOrEqual(50);
      for (const item of feed.items) {
        expect(item.title, path).toBeTruthy();
        expect(item.published, path).toBeInstanceOf(Date);
        // The entry's id is the transcript's permalink, and the transcript is there.
        expect(item.id, path).toBe(item.url);
        expect(fileOf(item.url!), item.url!).toBeDefined();
        for (const link of (item.content ?? '').matchAll(/href="([^"]+)"/g))
          expect(fileOf(link[1]!), link[1]).toBeDefined();
      }
      // Newest first.
      const dates = feed.items.map((item) => item.published!.getTime());
      expect(dates, path).toEqual([...dates].sort((a, b) => b - a));
    }
    expect(parseFeed(read('feeds/all.xml').toString('utf-8')).items).toHaveLength(Math.min(50, transcripts));
    // A topic's entry links the answers on that topic only.
    const topic = parseFeed(read('feeds/topics/5g.xml').toString('utf-8'));
    expect(topic.items.map((item) => item.url)).toEqual([
      `${SITE}/remarks/en/pinned-ids/`,
      `${SITE}/remarks/en/2019/2019-03-12-eu-technology-security/`,
    ]);
    expect(topic.items[0]!.content).toContain(`${SITE}/remarks/en/pinned-ids/huawei-5g/`);
    expect(topic.items[0]!.content).not.toContain('/remarks/en/pinned-ids/q2/');
  });

  test('pages link their feeds', () => {
    const links = (path: string) =>
      selectAll('link[rel=alternate][type="application/rss+xml"]', html(path)).map((node) => node.properties.href);
    expect(links('index.html')).toEqual(['/feeds/all.xml', '/feeds/en.xml', '/feeds/zh.xml']);
    expect(links('spokespeople/lu-kang/index.html')).toEqual(['/feeds/spokespeople/lu-kang.xml']);
    expect(links('topics/5g/index.html')).toEqual(['/feeds/topics/5g.xml']);
    expect(links('remarks/zh/zh-wenda/index.html')).toEqual(['/feeds/zh.xml']);
  });

  test('the sitemap lists every page, only pages, and robots.txt points to it', () => {
    expect(read('robots.txt').toString()).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
    const parser = new XMLParser();
    const index = read('sitemap-index.xml').toString('utf-8');
    expect(SyntaxValidator.validate(index)).toBe(true);
    const sitemaps = [(parser.parse(index) as { sitemapindex: { sitemap: unknown } }).sitemapindex.sitemap].flat() as {
      loc: string;
    }[];
    const urls = sitemaps.flatMap(({ loc }) => {
      const xml = readFileSync(fileOf(loc)!, 'utf-8');
      expect(SyntaxValidator.validate(xml)).toBe(true);
      return ([(parser.parse(xml) as { urlset: { url: unknown } }).urlset.url].flat() as { loc: string }[]).map(
        (url) => url.loc,
      );
    });
    for (const url of urls) expect(fileOf(url), url).toBeDefined();
    const paths = new Set(urls.map((url) => new URL(url).pathname));
    for (const path of [
      '/',
      '/archive/',
      '/topics/5g/',
      '/data/',
      '/remarks/en/qa-classic/',
      '/remarks/en/qa-classic/q1/',
    ])
      expect(paths, path).toContain(path);
    for (const answer of answerPages()) expect(paths, answer).toContain(`/remarks/${answer}/`);
    expect(paths).not.toContain('/404/');
  });

  test('answers.jsonl has a row for each answer page, with the text the page shows', () => {
    const rows = jsonLines('data/answers.jsonl.gz', answerRow);
    const pages = answerPages();
    expect(rows.map((row) => row.id).sort()).toEqual(pages.sort());
    for (const row of rows) {
      expect(row.link).toBe(`${SITE}/remarks/${row.id}/`);
      const page = html(join('remarks', row.id, 'index.html'));
      // The page's turns (the exchange, not its counterpart beside it) as the reader sees them.
      const turns = selectAll('.exchange .turn', page).filter(
        (turn) => !selectAll('.counterpart .turn', page).includes(turn),
      );
      // Read from the page's HTML as the site reads text from HTML (footnote navigation left out).
      const shown = turns.map((turn) => plainText({ type: 'root', children: selectAll('.text', turn)[0]!.children }));
      expect(shown, row.id).toEqual(turnTexts(row));
      if (row.turns) {
        expect(row.turns.length).toBeGreaterThan(2);
        expect(row.question).toBe(row.turns[0]!.text);
        expect(row.answer).toBe(
          row.turns
            .filter((turn) => turn.role === 'answer')
            .map((turn) => turn.text)
            .join('\n\n'),
        );
        expect(row.follow_ups).toEqual(
          row.turns
            .slice(1)
            .filter((turn) => turn.role === 'question')
            .map((turn) => turn.text),
        );
      } else expect(shown).toHaveLength(2);
    }
    // Exchanges with follow-ups keep their turns apart.
    expect(rows.filter((row) => row.follow_ups.length > 0 && row.turns !== null).length).toBeGreaterThan(0);
    // Paired languages name each other's answers.
    const byId = new Map(rows.map((row) => [row.id, row]));
    const paired = rows.filter((row) => row.counterpart.length > 0);
    expect(paired.length).toBeGreaterThan(0);
    for (const row of paired)
      for (const other of row.counterpart) expect(byId.get(other)?.lang, other).not.toBe(row.lang);
  });

  test('the CSV has the same rows and columns; transcripts and their own JSON agree; index.json counts them', () => {
    const jsonl = jsonLines('data/answers.jsonl.gz', answerRow);
    const csv = parseCsv<Record<string, string>>(gunzipSync(read('data/answers.csv.gz')), { columns: true });
    expect(csv.map((row) => row.id)).toEqual(jsonl.map((row) => row.id));
    expect(Object.keys(csv[0]!)).toEqual(Object.keys(answerRow.shape));
    csv.forEach((row, i) => {
      expect(row.answer).toBe(neutralised(jsonl[i]!.answer));
      expect(row.question).toBe(neutralised(jsonl[i]!.question));
      expect(row.topics).toBe(jsonl[i]!.topics.join('; '));
    });
    // A cell a spreadsheet would run as a formula is text there; the JSON Lines keep it exactly.
    const formula = jsonl.findIndex((row) => row.answer.startsWith('=HYPERLINK('));
    expect(formula).toBeGreaterThanOrEqual(0);
    expect(csv[formula]!.answer).toBe(`'${jsonl[formula]!.answer}`);
    expect(csv.filter((row) => Object.values(row).some((cell) => /^[=+\-@\t\r]/.test(cell)))).toEqual([]);
    const transcripts = jsonLines('data/transcripts.jsonl.gz', transcriptRow);
    const byAnswer = new Map(jsonl.map((row) => [row.id, row]));
    expect(transcripts.flatMap((row) => row.answers).sort()).toEqual(jsonl.map((row) => row.id).sort());
    for (const row of transcripts) {
      const own = transcriptDocument.parse(JSON.parse(read(join('remarks', `${row.id}.json`)).toString('utf-8')));
      expect(own.exchanges.map((exchange) => exchange.id)).toEqual(row.answers);
      expect({ ...own, exchanges: undefined }).toEqual({ ...row, answers: undefined, exchanges: undefined });
      // An exchange with its transcript's fields is its row in answers.jsonl, but for its sentences.
      const { id, link, date, lang, spokesperson, kind, source } = own;
      const fields = { transcript_id: id, transcript_link: link, date, lang, spokesperson, kind, source };
      for (const exchange of own.exchanges) {
        expect({ ...exchange, ...fields, sentences: undefined, entities: undefined }).toEqual({
          ...byAnswer.get(exchange.id),
          sentences: undefined,
          entities: undefined,
        });
      }
    }
    // Formulas said in two answers or more, each naming answers that list it among their sentences.
    const formulas = jsonLines('data/formulas.jsonl.gz', formulaRow);
    for (const formula of formulas) {
      expect(formula.answers.length).toBeGreaterThanOrEqual(2);
      for (const id of formula.answers) {
        expect(byAnswer.get(id)!.sentences.some((sentence) => sentence.formula === formula.id)).toBe(true);
      }
    }
    // And the other way: a sentence listed is one of a formula said twice or more.
    const listed = new Set(formulas.map((formula) => formula.id));
    expect(jsonl.flatMap((row) => row.sentences).filter((sentence) => !listed.has(sentence.formula))).toEqual([]);
    // Entities: each answer's, by id, listed in entities.jsonl with counts that add up to them.
    const entities = jsonLines('data/entities.jsonl.gz', entityRow);
    const entityIds = new Set(entities.map((entity) => entity.id));
    expect(entityIds.size).toBe(entities.length);
    expect(jsonl.flatMap((row) => row.entities).filter((id) => !entityIds.has(id))).toEqual([]);
    for (const entity of entities) {
      const naming = jsonl.filter((row) => row.entities.includes(entity.id));
      expect(entity.answers, entity.id).toBe(naming.length);
      expect(entity.answers_en + entity.answers_zh, entity.id).toBe(entity.answers);
      if (entity.answers > 0) expect(entity.mentions, entity.id).toBeGreaterThanOrEqual(entity.answers);
      expect(entity.names_en.length + entity.names_zh.length, entity.id).toBeGreaterThan(0);
    }
    expect(
      entities.some((entity) => entity.link !== null && entity.names_en.length > 0 && entity.names_zh.length > 0),
    ).toBe(true);
    const index = JSON.parse(read('data/index.json').toString('utf-8')) as {
      version: number;
      files: { url: string; rows: number; bytes: number; schema: string }[];
    };
    expect(index.version).toBe(1);
    expect(Object.fromEntries(index.files.map((file) => [new URL(file.url).pathname, file.rows]))).toEqual({
      '/data/answers.jsonl.gz': jsonl.length,
      '/data/answers.csv.gz': jsonl.length,
      '/data/transcripts.jsonl.gz': transcripts.length,
      '/data/formulas.jsonl.gz': formulas.length,
      '/data/entities.jsonl.gz': entities.length,
    });
    for (const file of index.files) {
      expect(readFileSync(fileOf(file.url)!).length).toBe(file.bytes);
      const schema = JSON.parse(readFileSync(fileOf(file.schema)!, 'utf-8')) as Record<string, unknown>;
      if (file.url.endsWith('.csv.gz')) {
        // The CSV's own description (CSV on the Web): its columns, every cell text.
        expect(schema.url).toBe(file.url);
        const columns = (schema.tableSchema as { columns: { name: string; datatype: string }[] }).columns;
        expect(columns.map((column) => column.name)).toEqual(Object.keys(answerRow.shape));
        expect(new Set(columns.map((column) => column.datatype))).toEqual(new Set(['string']));
        continue;
      }
      expect(schema.$id).toBe(file.schema);
      expect(schema.type).toBe('object');
      // Columns may be added within a version: no object of a published schema is closed.
      expect(JSON.stringify(schema)).not.toContain('"additionalProperties":false');
    }
  });

  test('transcript and answer pages carry JSON-LD that parses: an Article, a Quotation of the spokesperson', () => {
    const ld = (path: string) =>
      selectAll('script[type="application/ld+json"]', html(path)).map(
        (node) => JSON.parse(toText(node)) as Record<string, unknown>,
      );
    const [article] = ld('remarks/en/qa-classic/index.html');
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      url: `${SITE}/remarks/en/qa-classic/`,
      isBasedOn: expect.stringMatching(/^https?:\/\//) as unknown,
      datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
    });
    const [quotation] = ld('remarks/zh/zh-wenda/q1/index.html');
    expect(quotation).toMatchObject({
      '@type': 'Quotation',
      '@id': `${SITE}/remarks/zh/zh-wenda/q1/`,
      inLanguage: 'zh-Hans',
      spokenByCharacter: { '@type': 'Person' },
      isPartOf: { '@type': 'Article', '@id': `${SITE}/remarks/zh/zh-wenda/` },
    });
    for (const page of answerPages()) expect(ld(join('remarks', page, 'index.html')), page).toHaveLength(1);
  });
});
