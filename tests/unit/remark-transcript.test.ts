import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TranscriptError } from '../../src/lib/transcript/errors.ts';
import { loadTranscript } from '../../src/lib/transcript/load.ts';
import { renderTranscript } from '../../src/plugins/render.ts';
import { isSafeUrl } from '../../src/plugins/mdast-safe.ts';

// Each folder holds input.md; good ones are compared with expected.json (the model), malformed
// ones with error.txt (the message an editor sees). `vitest -u` rewrites both after a reviewed change.
const root = new URL('../fixtures/transcripts/', import.meta.url);
const cases = readdirSync(root).sort();
const good = cases.filter((name) => !name.startsWith('malformed-'));
const malformed = cases.filter((name) => name.startsWith('malformed-'));

function input(name: string): { contents: string; file: string } {
  return { contents: readFileSync(new URL(`${name}/input.md`, root), 'utf-8'), file: `${name}/input.md` };
}

describe('remarkTranscript on good transcripts', () => {
  test.each(good)('%s', async (name) => {
    const { contents, file } = input(name);
    const loaded = await loadTranscript(contents, file, renderTranscript);
    await expect(JSON.stringify(loaded, null, 2) + '\n').toMatchFileSnapshot(
      new URL(`${name}/expected.json`, root).pathname,
    );
  });
});

describe('remarkTranscript on malformed transcripts', () => {
  test.each(malformed)('%s', async (name) => {
    const { contents, file } = input(name);
    const error = await loadTranscript(contents, file, renderTranscript).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TranscriptError);
    const message = (error as TranscriptError).message;
    expect(message.startsWith(`${file}:`)).toBe(true);
    await expect(message + '\n').toMatchFileSnapshot(new URL(`${name}/error.txt`, root).pathname);
  });
});

describe('links a transcript may keep', () => {
  test.each([
    ['https://example.org/', true],
    ['http://example.org/', true],
    ['mailto:press@example.org', true],
    ['/remarks/en/x/', true],
    ['#q3', true],
    ['javascript:alert(1)', false],
    [' JavaScript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['data:text/html,<script>', false],
    ['vbscript:x', false],
  ])('%s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});
