import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, type BuildResult } from '../../scripts/support/build.ts';
import { projectRoot } from '../../scripts/support/paths.ts';
import { fixtureContent } from '../support/content.ts';

/**
 * scripts/sync-to-bucket.sh for real: Debian's rclone, a folder as the bucket (an rclone remote of
 * type local, named as a user names theirs), two deploys with a transcript added between them, a
 * prune, and the mistakes an operator makes (an empty or half-built dist/, a wrong path, a prune
 * from a build that was never deployed). After each, the live site must be whole.
 */
describe('the bucket recipe', () => {
  const work = mkdtempSync(join(tmpdir(), 'lectern-bucket-'));
  const bucket = join(work, 'bucket');
  // A remote of rclone's local type, named as a user names theirs: a folder stands in for the bucket.
  const remote = `bucket:${join(bucket, 'site')}`;
  const env = (extra: Record<string, string> = {}) => ({
    ...process.env,
    RCLONE_CONFIG: join(work, 'rclone.conf'),
    RCLONE_CONFIG_BUCKET_TYPE: 'local',
    ...extra,
  });
  let first: BuildResult;
  let second: BuildResult;

  /** Runs the script on `dist`; its exit code and what it printed. */
  const sync = (dist: string, ...args: string[]) => {
    const run = spawnSync('bash', [join(projectRoot, 'scripts/sync-to-bucket.sh'), ...args, remote], {
      env: env({ DIST: dist }),
      encoding: 'utf-8',
    });
    return { code: run.status, output: `${run.stdout}${run.stderr}` };
  };
  /** Every file of a folder, by path. */
  const files = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
      .sort();
  const live = () => join(bucket, 'site');

  beforeAll(async () => {
    const rclone = spawnSync('rclone', ['version'], { encoding: 'utf-8' });
    if (rclone.status !== 0) throw new Error('rclone is not installed: apt-get install -y rclone (.ci/run does).');
    writeFileSync(join(work, 'rclone.conf'), '');
    mkdirSync(bucket);
    const content = fixtureContent();
    const cache = mkdtempSync(join(tmpdir(), 'lectern-cache-'));
    first = await buildSite(content, { LECTERN_CACHE: cache, SITE_URL: 'https://remarks.example.org' });
    expect(first.code, first.output).toBe(0);
    // Today's remarks: a new transcript in the newest quarter, so the search index changes too.
    const text = readFileSync(join(content, 'en/omitted.md'), 'utf-8');
    writeFileSync(
      join(content, 'en/today.md'),
      text
        .replace('date: 2021-06-02', 'date: 2021-06-04')
        .replace('on June 2, 2021', 'on June 4, 2021')
        .replace(/^source: .*$/m, 'source: https://example.org/en/t0000204.shtml')
        .replace(/^translation: .*\n/m, ''),
    );
    second = await buildSite(content, { LECTERN_CACHE: cache, SITE_URL: 'https://remarks.example.org' });
    expect(second.code, second.output).toBe(0);
  });

  test('two deploys and a prune: every file the live pages and search entries name is there', () => {
    const deployed = sync(first.outDir);
    expect(deployed.code, deployed.output).toBe(0);
    expect(files(live())).toEqual(files(first.outDir).filter((file) => file !== '_headers'));

    const again = sync(second.outDir);
    expect(again.code, again.output).toBe(0);
    // The first deploy's content-named files stay until a prune: a reader mid-search still finds them.
    const stale = files(live()).filter((file) => !files(second.outDir).includes(file));
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((file) => file.startsWith('pagefind/') || file.startsWith('_astro/'))).toBe(true);

    // With --checksum an unchanged file keeps the date of its first upload: every file in use
    // looks as old as one no longer named (the old recipe, `--min-age 30d`, deleted them all).
    const old = new Date(Date.now() - 90 * 86_400_000);
    for (const file of files(live())) utimesSync(join(live(), file), old, old);
    const pruned = sync(second.outDir, '--prune');
    expect(pruned.code, pruned.output).toBe(0);
    expect(pruned.output).toContain(`pruned ${stale.length} files that the deployed site no longer names`);
    expect(files(live())).toEqual(files(second.outDir).filter((file) => file !== '_headers'));
    for (const file of files(live())) {
      expect(readFileSync(join(live(), file)).equals(readFileSync(join(second.outDir, file))), file).toBe(true);
    }
    // What the live search entries name: each segment's metadata and its folders of fragments and chunks.
    for (const lang of ['en', 'zh']) {
      const segments = JSON.parse(readFileSync(join(live(), 'pagefind', lang, 'segments.json'), 'utf-8')) as {
        name: string;
      }[];
      for (const { name } of segments) {
        const entry = JSON.parse(
          readFileSync(join(live(), 'pagefind', lang, name, 'pagefind-entry.json'), 'utf-8'),
        ) as {
          languages: Record<string, { hash: string }>;
          lecternNames: { fragment: [number, string][]; index: string[] };
        };
        const segment = files(join(live(), 'pagefind', lang, name));
        for (const { hash } of Object.values(entry.languages)) expect(segment).toContain(`pagefind.${hash}.pf_meta`);
        for (const [, folder] of entry.lecternNames.fragment)
          expect(
            segment.some((file) => file.startsWith(`fragment/${folder}/`)),
            folder,
          ).toBe(true);
        for (const folder of entry.lecternNames.index)
          expect(
            segment.some((file) => file.startsWith(`index/${folder}/`)),
            folder,
          ).toBe(true);
      }
    }
    // What the live pages name: every script, style and font of the site.
    const assets = new Set(
      files(live())
        .filter((file) => file.endsWith('.html'))
        .flatMap((file) =>
          [...readFileSync(join(live(), file), 'utf-8').matchAll(/(?:src|href)="\/(_astro\/[^"]+)"/g)].map(
            (match) => match[1]!,
          ),
        ),
    );
    expect(assets.size).toBeGreaterThan(0);
    for (const asset of assets) expect(files(live()), asset).toContain(asset);
  });

  test('an empty or half-built dist/, a wrong path or a prune from another build deletes nothing', () => {
    const before = files(live());
    const empty = mkdtempSync(join(work, 'empty-'));
    expect(sync(empty)).toMatchObject({
      code: 1,
      output: expect.stringContaining('has no home page (index.html)') as unknown,
    });
    expect(sync(empty, '--prune').code).toBe(1);

    // A build that stopped after its search index and home page: most pages missing.
    const half = mkdtempSync(join(work, 'half-'));
    for (const keep of ['index.html', '404.html', 'pagefind'])
      cpSync(join(second.outDir, keep), join(half, keep), { recursive: true });
    const shrunk = sync(half);
    expect(shrunk.code).toBe(1);
    expect(shrunk.output).toMatch(/under half the \d+ the bucket holds/);

    // The first build was deployed and replaced: pruning from it would delete the live index.
    const stalePrune = sync(first.outDir, '--prune');
    expect(stalePrune.code).toBe(1);
    expect(stalePrune.output).toContain(`is not the site ${remote} serves`);
    expect(files(live())).toEqual(before);

    // A path that holds something else entirely.
    mkdirSync(join(bucket, 'other'));
    writeFileSync(join(bucket, 'other', 'report.pdf'), 'not a site');
    const wrong = spawnSync(
      'bash',
      [join(projectRoot, 'scripts/sync-to-bucket.sh'), `bucket:${join(bucket, 'other')}`],
      {
        env: env({ DIST: second.outDir }),
        encoding: 'utf-8',
      },
    );
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('holds 1 files but no site');
    expect(readdirSync(join(bucket, 'other'))).toEqual(['report.pdf']);
    rmSync(join(bucket, 'other'), { recursive: true });
  });

  test('deletions are capped: a sync that would delete more than MAX_DELETE stops', () => {
    // Every page of the live site but the home page and the search entries gone from dist/.
    const few = mkdtempSync(join(work, 'few-'));
    for (const keep of ['index.html', '404.html', 'pagefind'])
      cpSync(join(second.outDir, keep), join(few, keep), { recursive: true });
    const before = files(live());
    const capped = spawnSync('bash', [join(projectRoot, 'scripts/sync-to-bucket.sh'), remote], {
      env: env({ DIST: few, MAX_DELETE: '5', LECTERN_SYNC_SHRINK: '1' }),
      encoding: 'utf-8',
    });
    expect(capped.status).not.toBe(0);
    expect(before.length - files(live()).length).toBeLessThanOrEqual(5);
  });
});
