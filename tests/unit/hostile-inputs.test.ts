import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, test } from 'vitest';
import { neutralised } from '../../src/lib/data/csv.ts';
import { csvMetadata, jsonSchema, schemas } from '../../src/lib/data/schemas.ts';
import { answerRow, DATA_VERSION, transcriptRow } from '../../src/lib/data/rows.ts';
import { MAX_HTML_NESTING } from '../../src/lib/import/html-depth.ts';
import { importFiles } from '../../src/lib/import/run.ts';
import { parseRedirects } from '../../src/lib/share/permalink-manifest.ts';
import { xmlText } from '../../src/lib/transcript/characters.ts';
import { TranscriptError } from '../../src/lib/transcript/errors.ts';
import { loadTranscript } from '../../src/lib/transcript/load.ts';
import { MAX_NESTING } from '../../src/lib/transcript/nesting.ts';
import { renderTranscript } from '../../src/plugins/render.ts';
import { requestedPath, serve } from '../../scripts/support/serve.ts';

// What a source page, an editor or a careless operator can get wrong, each reproduced as it was
// found on the landed main, and what now happens instead: a clear error naming the file and line,
// or the input made safe, and nothing lost.
const temp = () => mkdtempSync(join(tmpdir(), 'lectern-hostile-'));

const frontmatter = (extra = '') => `---
title: Remarks on Testing
date: '2019-03-12'
kind: remarks
lang: en
source: 'https://www.fmprc.gov.cn/example/t1.shtml'
${extra}---
`;

/** The TranscriptError loading `contents` gives (the test fails if it loads). */
async function loadError(contents: string, file = 'content/remarks/en/x.md'): Promise<TranscriptError> {
  try {
    await loadTranscript(contents, file, renderTranscript);
  } catch (error) {
    expect(error).toBeInstanceOf(TranscriptError);
    return error as TranscriptError;
  }
  throw new Error('the transcript loaded');
}

/** A saved page of the ministry's current template. */
const page = ({
  title = 'Foreign Ministry Spokesperson Jane Roe’s Regular Press Conference on March 27, 2024',
  url = 'https://www.mfa.gov.cn/eng/xw/t1.html',
  body = '<p>Q: A question?</p><p>A: An answer.</p>',
} = {}) =>
  `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="ArticleTitle" content="${title}">
<meta name="PubDate" content="2024-03-27">
<meta name="Url" content="${url}">
<title>x</title>
</head>
<body>
<div class="news-main" id="News_Body_Txt_A">
${body}
</div>
</body>
</html>
`;

describe('control characters', () => {
  test('a saved page with &#8;, a raw BEL or U+FFFE imports without them, each removal a warning with its line', async () => {
    const dir = temp();
    const input = join(dir, 'page.html');
    writeFileSync(input, page({ body: '<p>Q: A question\u0007?</p>\n<p>A: An &#8;answer\uFFFE.</p>' }));
    const out = join(dir, 'out');
    const report = await importFiles([input], { render: renderTranscript, out });
    expect(report.transcripts.map((transcript) => transcript.status)).toEqual(['created']);
    expect(report.summary.removedCharacters).toBe(3);
    expect(report.warnings).toEqual([
      `${input}:12: removed 1 control character (U+0007), which feeds and data cannot carry.`,
      `${input}:13: removed 2 control characters (U+0008, U+FFFE), which feeds and data cannot carry.`,
    ]);
    const written = readFileSync(join(out, report.transcripts[0]!.file!.split('/out/')[1]!), 'utf-8');
    expect(written).toContain('Q: A question?');
    expect(written).toContain('A: An answer.');
  });

  test('a transcript holding one is refused with its line and what to do, however it is written', async () => {
    const raw = await loadError(`${frontmatter()}\nQ: A question?\n\nA: An \u0008answer.\n`);
    expect(raw.message).toBe(
      'content/remarks/en/x.md:11: a control character (U+0008) is in the text: delete it. Feeds and data cannot carry it, and readers would not see it.',
    );
    const escaped = await loadError(
      frontmatter().replace('Remarks on Testing', '"Remarks\\bon Testing"') + '\nQ: a?\n\nA: b.\n',
    );
    expect(escaped.line).toBe(2);
    expect(escaped.reason).toMatch(/^title: a control character \(U\+0008/);
    // A character reference to one is read as U+FFFD by Markdown itself (CommonMark).
    const { transcript } = await loadTranscript(
      `${frontmatter()}\nQ: A question?\n\nA: An &#8;answer.\n`,
      'x.md',
      renderTranscript,
    );
    expect(transcript.exchanges[0]!.turns[1]!.text).toBe('An \uFFFDanswer.');
  });

  test('whatever reaches a feed, a strict XML parser accepts it', () => {
    const feed = (title: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title></channel></rss>`;
    const hostile = 'Bell\u0007 back\u0008 tab\u000b form\u000c nul\u0000 fffe\uFFFE lone\uD800 fine\t\n\u4e2d';
    expect(() => SyntaxValidator.validate(feed(hostile))).toThrow(/Illegal control character/);
    expect(SyntaxValidator.validate(xmlText(feed(hostile)))).toBe(true);
    expect(xmlText(hostile)).toBe('Bell back tab form nul fffe lone fine\t\n\u4e2d');
  });
});

describe('every reader bounded', () => {
  test('a title of a million dashes before the site name imports, the name cut off', async () => {
    const dir = temp();
    const input = join(dir, 'page.html');
    const title = `Remarks ${'-'.repeat(1_000_000)}x`;
    writeFileSync(input, page({ title: `${title} - Ministry of Foreign Affairs of the People's Republic of China` }));
    const report = await importFiles([input], { render: renderTranscript, out: join(dir, 'out') });
    // Before, one regular expression backtracked over the dashes: 40,000 took 7 s, a million hours.
    expect(report.transcripts[0]).toMatchObject({ status: 'created' });
  });

  test('YAML anchors and aliases are refused at their line before any value is copied', async () => {
    const big = Array.from({ length: 40_000 }, (_, i) => `t${i}`).join(', ');
    const exchanges = Array.from({ length: 1_500 }, () => '  - {topics: *big}').join('\n');
    const error = await loadError(
      `${frontmatter(`topics: &big [${big}]\nexchanges:\n${exchanges}\n`)}\nQ: a?\n\nA: b.\n`,
    );
    expect(error.message).toBe(
      'content/remarks/en/x.md:7: YAML anchors and aliases are not read in front matter (the anchor &big): write the values out in full.',
    );
    const alias = await loadError(`${frontmatter('topics: [a]\nexchanges:\n  - {topics: *big}\n')}\nQ: a?\n\nA: b.\n`);
    expect(alias.line).toBe(9);
    expect(alias.reason).toMatch(/the alias \*big/);
  });

  test('lists have caps: exchanges before the schema reads them, topics per exchange', async () => {
    const many = Array.from({ length: 600 }, () => '  - {}').join('\n');
    const exchanges = await loadError(`${frontmatter(`exchanges:\n${many}\n`)}\nQ: a?\n\nA: b.\n`);
    expect(exchanges.line).toBe(7);
    expect(exchanges.reason).toBe(
      'exchanges: 600 entries, over the 500 a transcript may have: give one entry per exchange of the body.',
    );
    const topics = Array.from({ length: 40 }, (_, i) => `t${i}`).join(', ');
    const error = await loadError(`${frontmatter(`exchanges:\n  - topics: [${topics}]\n`)}\nQ: a?\n\nA: b.\n`);
    expect(error.reason).toMatch(/^exchanges\.0\.topics: at most 32 topics/);
  });

  test.each([
    ['1,000 nested lists', Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'), 45],
    ['3,000 nested quotes', `${'> '.repeat(3_000)}x`, 13],
  ])('%s are an error naming the line and the limit', async (_, nested, line) => {
    const error = await loadError(`${frontmatter()}\nQ: a?\n\nA: b.\n\n${nested}\n`);
    expect(error.line).toBe(line);
    expect(error.reason).toMatch(new RegExp(`nested \\d+ deep, past the ${MAX_NESTING} levels a transcript may have`));
  });

  test('a page of 200,000 nested elements fails at its line with the limit, the rest of the import goes on', async () => {
    const dir = temp();
    const deep = join(dir, 'deep.html');
    writeFileSync(
      deep,
      page({ body: `<p>Q: a?</p>\n<p>A: b.</p>\n${'<div>'.repeat(200_000)}x${'</div>'.repeat(200_000)}` }),
    );
    const fine = join(dir, 'fine.html');
    writeFileSync(fine, page({ url: 'https://www.mfa.gov.cn/eng/xw/t2.html' }));
    const report = await importFiles([deep, fine], { render: renderTranscript, out: join(dir, 'out') });
    expect(report.transcripts.map((transcript) => transcript.status)).toEqual(['failed', 'created']);
    expect(report.transcripts[0]!.reason).toBe(
      `${deep}:14: elements nested past ${MAX_HTML_NESTING} levels: is this a saved ministry page? Save the page again from the browser.`,
    );
  });
});

describe('the importer never loses a page silently', () => {
  test('two pages naming the same source in one run are a conflict naming both; neither is written', async () => {
    const dir = temp();
    const first = join(dir, 'a.html');
    const second = join(dir, 'b.html');
    writeFileSync(first, page());
    writeFileSync(second, page({ body: '<p>Q: Another question?</p><p>A: Another answer.</p>' }));
    const out = join(dir, 'out');
    const report = await importFiles([first, second], { render: renderTranscript, out });
    expect(report.transcripts.map((transcript) => transcript.status)).toEqual(['failed', 'failed']);
    for (const transcript of report.transcripts) {
      expect(transcript.reason).toContain(
        `2 inputs of this run name the same source (https://www.mfa.gov.cn/eng/xw/t1.html): ${first}, ${second}`,
      );
    }
    expect(
      existsSync(out) ? readdirSync(out, { recursive: true }).filter((name) => String(name).endsWith('.md')) : [],
    ).toEqual([]);
  });
});

describe('open data safe to open', () => {
  test.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ['+1 for peace', "'+1 for peace"],
    ['-1%', "'-1%"],
    ['@everyone', "'@everyone"],
    ['\tTab', "'\tTab"],
    ['\rReturn', "'\rReturn"],
    ['A plain answer = fine', 'A plain answer = fine'],
  ])('a CSV cell %j is written %j', (cell, written) => {
    expect(neutralised(cell)).toBe(written);
  });
});

describe('published schemas keep their promise', () => {
  const site = new URL('https://remarks.example.org');
  // The columns of data version 1 as first published: one may go away or change meaning only with
  // a new DATA_VERSION (and this list with it); new ones may be added within the version.
  const version1 = {
    answers:
      'id link transcript_id transcript_link n date lang spokesperson kind who_asked topics question answer follow_ups turns counterpart source',
    transcripts: 'id link title date lang spokesperson kind topics source translation opening answers',
  };

  test('within version 1 every column of version 1 is still there', () => {
    expect(DATA_VERSION).toBe(1);
    for (const column of version1.answers.split(' ')) expect(Object.keys(answerRow.shape)).toContain(column);
    for (const column of version1.transcripts.split(' ')) expect(Object.keys(transcriptRow.shape)).toContain(column);
  });

  test('no object of a published JSON Schema is closed: a row with a new column still validates', () => {
    for (const name of Object.keys(schemas) as (keyof typeof schemas)[]) {
      const schema = JSON.stringify(jsonSchema(name, site));
      expect(schema, name).not.toContain('"additionalProperties":false');
      expect(schema, name).toContain('Data version 1: columns may be added');
    }
  });

  test('the CSV is described as what it is: text columns, the formula rule stated', () => {
    const metadata = csvMetadata(site) as { tableSchema: { columns: { name: string; datatype: string }[] } } & Record<
      string,
      string
    >;
    expect(metadata.tableSchema.columns.map((column) => column.name)).toEqual(Object.keys(answerRow.shape));
    expect(metadata['dc:description']).toContain("written after a single quote (')");
  });
});

describe('ids that cannot collide', () => {
  test.each([
    ['main', /"main" is an id the page itself uses/],
    ['share', /"share" is an id the page itself uses/],
    ['q1-title', /"q1-title" would clash: ids ending in "-title" name exchanges' headings/],
    ['q3-2-fn-1', /would clash: ids like "q3-2-fn-1" name footnotes/],
    ['opening-fn-1', /would clash: ids starting with "opening-"/],
    ['a'.repeat(300), /an exchange id has at most 64 characters/],
  ])('an exchange id %j is refused at its line', async (id, reason) => {
    const error = await loadError(`${frontmatter(`exchanges:\n  - id: ${id}\n`)}\nQ: a?\n\nA: b.\n`);
    expect(error.line).toBe(7);
    expect(error.reason).toMatch(reason);
  });

  test('a topic or a spokesperson over 80 characters is refused: each names a page and a feed', async () => {
    const topic = await loadError(`${frontmatter(`topics: [${'t'.repeat(300)}]\n`)}\nQ: a?\n\nA: b.\n`);
    expect(topic.line).toBe(7);
    expect(topic.reason).toMatch(/^topics\.0: a topic has at most 80 characters/);
    const name = await loadError(`${frontmatter(`spokesperson: ${'華'.repeat(100)}\n`)}\nQ: a?\n\nA: b.\n`);
    expect(name.reason).toMatch(/^spokesperson: a name has at most 80 characters/);
  });
});

describe('paths that cannot escape', () => {
  test('a redirect key whose %-escapes make a control character is refused', () => {
    expect(() => parseRedirects('{"/remarks/en/x%00/": "/remarks/en/y/"}', 'content/redirects.json')).toThrow(
      /content\/redirects\.json: "\/remarks\/en\/x%00\/": its %-escapes make a control character/,
    );
    expect(() => parseRedirects('{"/remarks/en/x%0A/": "/remarks/en/y/"}', 'content/redirects.json')).toThrow(
      /control character/,
    );
  });

  test.each([
    ['/', '/'],
    ['/remarks/en/x/', '/remarks/en/x/'],
    ['/search/?q=%E5%8D%8E', '/search/'],
    ['/%E5%8D%8E/', '/华/'],
    ['/%', undefined],
    ['/%E0/', undefined],
    ['/..%2fdist-x/', undefined],
    // Resolved as a browser resolves it, inside the site.
    ['/a/%2e%2e/b', '/b'],
    ['/a%5cb', undefined],
    ['/a%00', undefined],
    ['/a//b', undefined],
  ])('the test server reads %j as %j', (url, path) => {
    expect(requestedPath(url)).toBe(path);
  });

  test('the test server answers 400 to a broken path and never serves a sibling folder', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), '<p>home</p>');
    mkdirSync(join(dir, 'dist-x'));
    writeFileSync(join(dir, 'dist-x', 'secret.txt'), 'secret');
    const server = await serve(join(dir, 'dist'));
    try {
      for (const path of ['/%', '/..%2fdist-x/secret.txt', '/%E0']) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status, path).toBe(400);
        expect(await response.text()).not.toContain('secret');
      }
      expect((await fetch(`${server.url}/`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
