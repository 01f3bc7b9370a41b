import { describe, expect, test } from 'vitest';
import {
  appendOrder,
  checkPermalinks,
  formatManifest,
  parseManifest,
  parseRedirects,
  publicationOrder,
} from '../../src/lib/share/permalink-manifest.ts';
import { addressProblems } from '../../src/lib/transcript/addresses.ts';

const file = 'content/redirects.json';

describe('redirects.json', () => {
  test("keys and targets are normalized to the site's paths", () => {
    expect(parseRedirects('{"/remarks/en/2019/x/q3": "/remarks/en/2019/x/q4/#q4"}', file)).toEqual({
      '/remarks/en/2019/x/q3/': '/remarks/en/2019/x/q4/#q4',
    });
  });

  test.each([
    ['/remarks/../../etc/x/', /"\.\." segments/],
    ['/remarks/%2e%2e/x/', /"\.\." segments/],
    ['/remarks/%2E%2E%2Fx/', /"\.\." segments/],
    ['//evil.example/x/', /must start with one "\/"/],
    ['remarks/x/', /must start with one "\/"/],
    ['/remarks\\x/', /backslash/],
    ['/remarks//x/', /empty/],
    ['/remarks/%zz/', /%-escapes are broken/],
  ])('a key %s is refused, naming the file', (key, why) => {
    expect(() => parseRedirects(JSON.stringify({ [key]: '/remarks/en/2019/x/q1/' }), file)).toThrow(
      new RegExp(`^${file}: .*${why.source}`),
    );
  });

  test('broken JSON, a non-object and a non-path target say what to write', () => {
    expect(() => parseRedirects('{', file)).toThrow(/not valid JSON.*Write \{"\/old\/url\/": "\/new\/url\/"\}/);
    expect(() => parseRedirects('[]', file)).toThrow(/expected an object of old URL → new URL/);
    expect(() => parseRedirects('{"/a/": 3}', file)).toThrow(/the new URL must be a path/);
  });
});

describe('the permalink guard', () => {
  const published = ['/remarks/en/2019/x/q1/', '/remarks/en/2019/x/q2/'];

  test('an answer that disappears is missing unless redirected; new ones are added', () => {
    const current = ['/remarks/en/2019/x/q1/', '/remarks/en/2019/x/q3/'];
    expect(checkPermalinks(published, current, {})).toMatchObject({
      missing: ['/remarks/en/2019/x/q2/'],
      added: ['/remarks/en/2019/x/q3/'],
    });
    expect(checkPermalinks(published, current, { '/remarks/en/2019/x/q2/': '/remarks/en/2019/x/q3/' }).missing).toEqual(
      [],
    );
  });

  test('a redirect to nowhere is broken; a redirect from a live answer would replace it', () => {
    const check = checkPermalinks(published, published, {
      '/remarks/en/2019/x/q1/': '/remarks/en/2019/x/q2/',
      '/remarks/en/2019/old/': '/remarks/en/2019/gone/',
    });
    expect(check.shadowing).toEqual(['/remarks/en/2019/x/q1/']);
    expect(check.brokenRedirects).toEqual([['/remarks/en/2019/old/', '/remarks/en/2019/gone/']]);
  });
});

describe('the order of publication', () => {
  // A manifest written before transcript URLs were listed (sorted), then one that lists them.
  const manifest = [
    '/remarks/en/2019/a/q1/',
    '/remarks/en/2019/a/q2/',
    '/remarks/en/2020/c/',
    '/remarks/en/2020/c/q1/',
  ];
  const transcripts = [
    { path: '/remarks/en/2020/c/', date: '2020-03-02' },
    { path: '/remarks/en/2021/d/', date: '2021-01-04' },
    { path: '/remarks/en/2019/a/', date: '2019-05-06' },
    { path: '/remarks/en/2018/b/', date: '2018-02-03' },
    { path: '/remarks/en/2019/statement/', date: '2019-01-01' },
  ];

  test('places a listed transcript where it or an answer of it is first listed, the others after, oldest first', () => {
    expect(Object.fromEntries(publicationOrder(manifest, transcripts))).toEqual({
      '/remarks/en/2019/a/': 0,
      '/remarks/en/2020/c/': 2,
      '/remarks/en/2018/b/': 4,
      '/remarks/en/2019/statement/': 5,
      '/remarks/en/2021/d/': 6,
    });
  });

  test('new URLs are appended in that order, a transcript before its answers, and read back as written', () => {
    const order = publicationOrder(manifest, transcripts);
    const added = [
      '/remarks/en/2021/d/',
      '/remarks/en/2021/d/q1/',
      '/remarks/en/2021/d/q2/',
      '/remarks/en/2019/a/',
      '/remarks/en/2018/b/q1/',
      '/remarks/en/2018/b/',
      '/remarks/en/2019/statement/',
    ];
    const appended = appendOrder(added, order);
    expect(appended).toEqual([
      '/remarks/en/2019/a/',
      '/remarks/en/2018/b/',
      '/remarks/en/2018/b/q1/',
      '/remarks/en/2019/statement/',
      '/remarks/en/2021/d/',
      '/remarks/en/2021/d/q1/',
      '/remarks/en/2021/d/q2/',
    ]);
    const written = parseManifest(formatManifest([...manifest, ...appended]));
    expect(written).toEqual([...manifest, ...appended]);
    // The next build finds every transcript where this one placed it.
    expect(publicationOrder(written, transcripts).get('/remarks/en/2021/d/')).toBeGreaterThan(
      publicationOrder(written, transcripts).get('/remarks/en/2018/b/')!,
    );
    expect(publicationOrder(written, transcripts).get('/remarks/en/2019/a/')).toBe(0);
  });
});

describe('transcript addresses', () => {
  test("a transcript inside another's address, outside a language folder or with other characters is refused", () => {
    const problems = addressProblems([
      'en/2019/2019-03-12-x',
      'en/2019/2019-03-12-x/q1',
      'fr/2019/y',
      'en/2019/Has Spaces',
      'zh/2020/2020-01-02-press-conference',
    ]);
    expect([...problems.keys()]).toEqual(['en/2019/2019-03-12-x/q1', 'fr/2019/y', 'en/2019/Has Spaces']);
    expect(problems.get('en/2019/2019-03-12-x/q1')).toMatch(/inside the address of en\/2019\/2019-03-12-x\.md/);
  });
});
