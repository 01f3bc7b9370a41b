import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import buildLock from '../../src/integrations/build-lock.ts';
import incrementalPages, { isConfined } from '../../src/integrations/incremental-pages.ts';
import { siteUrl } from '../../src/integrations/site-url.ts';
import { headerPolicy } from '../../src/lib/hosting/csp.ts';
import { BUILD_NODE_ARGS } from '../../scripts/support/build.ts';
import { headersFor, parseHeaders } from '../../scripts/support/headers.ts';
import { projectRoot } from '../../scripts/support/paths.ts';

const rules = parseHeaders(readFileSync(join(projectRoot, 'public/_headers'), 'utf-8'));

describe('public/_headers', () => {
  test('sends the policy the pages carry, with the referrer policy, on the paths of pages', () => {
    for (const path of [
      '/',
      '/remarks/en/2019/x/q1/',
      '/search/',
      '/topics/5g/',
      '/data/',
      '/404.html',
      '/favicon.svg',
    ]) {
      const headers = headersFor(rules, path);
      expect(headers['content-security-policy'], path).toBe(headerPolicy);
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  test('sends the search files a query fetches no document policy, only nosniff', () => {
    for (const path of [
      '/pagefind/en/segments.json',
      '/pagefind/zh/wasm.pagefind',
      '/pagefind/zh/archive/fragment/0123456789ab/1c.pf_fragment',
      '/pagefind/zh/archive/index/0123456789ab/1c.pf_index',
      '/_astro/search.4ycJiJmQ.js',
    ]) {
      const headers = headersFor(rules, path);
      expect(headers['cross-origin-opener-policy'], path).toBeUndefined();
      expect(headers['permissions-policy'], path).toBeUndefined();
    }
  });

  test('caches content-named files for good, asks again for the rest, and never sets two values', () => {
    const cache = (path: string) => headersFor(rules, path)['cache-control'];
    const immutable = 'public, max-age=31536000, immutable';
    expect(cache('/_astro/Base.4ycJiJmQ.css')).toBe(immutable);
    expect(cache('/pagefind/zh/latest/fragment/0123456789ab/1c.pf_fragment')).toBe(immutable);
    expect(cache('/pagefind/zh/archive/index/0123456789ab/1c.pf_index')).toBe(immutable);
    expect(cache('/pagefind/en/latest/pagefind.en_8563766485.pf_meta')).toBe(immutable);
    expect(cache('/pagefind/en/latest/pagefind-entry.json')).toBe('no-cache');
    expect(cache('/pagefind/en/segments.json')).toBe('no-cache');
    expect(cache('/pagefind/en/wasm.pagefind')).toBe('no-cache');
    for (const page of [
      '/',
      '/remarks/en/2019/x/',
      '/remarks/en/2019/x.json',
      '/remarks/en/2019/x/q1/card.png',
      '/archive/2019/',
      '/search/',
      '/differences/',
      '/topics/5g/',
      '/formulas/zh/我们注意到有关报道-bdd5827b/',
      '/feeds/all.xml',
      '/data/answers.jsonl.gz',
      '/sitemap-index.xml',
      '/robots.txt',
    ])
      expect(cache(page), page).toBe('no-cache');
  });
});

describe('SITE_URL', () => {
  test('unset builds for localhost; a public address is taken as given', () => {
    expect(siteUrl({})).toBe('http://localhost:4321');
    expect(siteUrl({ SITE_URL: 'https://remarks.example.org' })).toBe('https://remarks.example.org/');
  });

  test('a malformed address, another scheme or a path fails with what to give', () => {
    expect(() => siteUrl({ SITE_URL: 'remarks.example.org' })).toThrow(/is not a URL: give the public address/);
    expect(() => siteUrl({ SITE_URL: 'ftp://remarks.example.org' })).toThrow(/must start with https:\/\//);
    expect(() => siteUrl({ SITE_URL: 'https://user.github.io/lectern/' })).toThrow(
      /has a path: the site must be served at the root of its domain/,
    );
  });
});

describe('the build on a CI runner', () => {
  test("npm run build gives Node the heap the tests and benchmarks build with, whatever the machine's memory", () => {
    const { scripts } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf-8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.build).toContain(`NODE_OPTIONS=${BUILD_NODE_ARGS.join(' ')} astro build`);
  });
});

describe('the GitHub Pages workflow, least privilege', () => {
  interface Step {
    uses?: string;
    with?: Record<string, string | boolean>;
  }
  interface Job {
    permissions?: Record<string, string>;
    steps: Step[];
  }
  const text = readFileSync(join(projectRoot, '.github/workflows/deploy-pages.yml'), 'utf-8');
  const workflow = yaml.load(text) as { permissions: unknown; jobs: Record<string, Job> };

  test('no permission by default; the build only reads; only the deploy job writes Pages and gets a token', () => {
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.build!.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(workflow.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    // The job that runs the packages' install scripts runs no deploy action, and the deploy job no npm.
    expect(JSON.stringify(workflow.jobs.deploy)).not.toContain('npm');
  });

  test('every action is pinned by commit, its tag in a comment; checkout leaves no token behind', () => {
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => step.uses ?? []));
    expect(uses.length).toBeGreaterThan(4);
    for (const action of uses) {
      expect(action, action).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
      expect(text, action).toMatch(new RegExp(`${action} # v\\d+\\.\\d+\\.\\d+\\n`));
    }
    const checkout = workflow.jobs.build!.steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['persist-credentials']).toBe(false);
  });

  test('the cache key and its restore key carry the lockfile and the build code: no cache of other code comes back', () => {
    const cache = workflow.jobs.build!.steps.find((step) => step.uses?.startsWith('actions/cache@'))!;
    const digest = "hashFiles('package-lock.json', 'astro.config.mjs', 'src/**')";
    expect(cache.with!.key).toContain(digest);
    expect(cache.with!['restore-keys']).toBe(`lectern-cache-\${{ ${digest} }}-`);
  });

  test('a cached page manifest naming a path outside dist/ is removed before Astro reads it', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'lectern-manifest-'));
    const manifest = join(cacheDir, 'incremental-build.json');
    const config = {
      cacheDir: pathToFileURL(`${cacheDir}/`),
      outDir: pathToFileURL(`${cacheDir}/dist/`),
      experimental: { incrementalBuild: true },
    };
    const warnings: string[] = [];
    const logger = { warn: (line: string) => warnings.push(line) };
    const hook = incrementalPages().hooks['astro:config:done'] as unknown as (options: object) => Promise<void>;
    const write = (outputFile: string) => {
      writeFileSync(manifest, JSON.stringify({ routes: { r: { paths: { p: { outputFile } } } } }));
    };

    write('remarks/en/x/index.html');
    await hook({ config, logger });
    expect(existsSync(manifest)).toBe(true);

    write('../../../home/user/.bashrc');
    await hook({ config, logger });
    expect(existsSync(manifest)).toBe(false);
    expect(warnings).toEqual([
      'the cached page manifest names a page outside the output folder ("../../../home/user/.bashrc"): it is removed, and every page is rendered.',
    ]);
  });

  test("a cached page manifest's paths must stay inside dist/", () => {
    for (const path of ['index.html', 'remarks/en/2019/x/q1/index.html', 'feeds/all.xml'])
      expect(isConfined(path), path).toBe(true);
    for (const path of ['../x', 'a/../../x', '/etc/passwd', 'a//b', './a', 'a\\..\\b', 'a\0b', '', 3, null]) {
      expect(isConfined(path), String(path)).toBe(false);
    }
  });
});

describe('two builds in one checkout', () => {
  // Two builds at once delete each other's server chunks (.astro/.prerender/): the second waits.
  const setup = (root: string) => {
    const warnings: string[] = [];
    const integration = buildLock();
    const hook = integration.hooks['astro:config:setup'] as unknown as (options: object) => Promise<void>;
    const done = integration.hooks['astro:build:done'] as unknown as () => void;
    const run = () =>
      hook({
        command: 'build',
        config: { root: pathToFileURL(`${root}/`) },
        logger: { warn: (line: string) => warnings.push(line) },
      });
    return { run, done, warnings, lock: join(root, '.astro', 'build.lock') };
  };

  test('a build takes the lock and gives it back when done; one left by a build that died is taken over', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lectern-lock-'));
    const build = setup(root);
    await build.run();
    expect(readFileSync(build.lock, 'utf8')).toBe(String(process.pid));
    build.done();
    expect(existsSync(build.lock)).toBe(false);
    // A process id no process has (above Linux's largest).
    writeFileSync(build.lock, '4194305');
    await build.run();
    expect(readFileSync(build.lock, 'utf8')).toBe(String(process.pid));
    expect(build.warnings).toEqual([]);
    build.done();
  });

  test('a build started while another runs waits for it, and says why', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lectern-lock-'));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const build = setup(root);
      mkdirSync(join(root, '.astro'));
      writeFileSync(build.lock, String(other.pid));
      let started = false;
      const waiting = build.run().then(() => (started = true));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(started).toBe(false);
      expect(build.warnings.join('\n')).toMatch(new RegExp(`another build \\(process ${other.pid}\\) is running`));
      const exited = once(other, 'exit');
      other.kill();
      await exited;
      await waiting;
      expect(readFileSync(build.lock, 'utf8')).toBe(String(process.pid));
      build.done();
    } finally {
      other.kill();
    }
  });
});
