import { describe, expect, test } from 'vitest';
import {
  formatEntityAddresses,
  movedAddress,
  movedEntities,
  parseEntityAddresses,
  publishedOf,
  withNewAddresses,
} from '../../src/lib/entities/addresses.ts';
import type { Entity } from '../../src/lib/entities/entity.ts';

const entity = (id: string, en: string[], zh: string[]): Entity => ({
  id,
  kind: 'organisation',
  names: { en, zh },
  origin: 'aligned',
});
const page = (e: Entity, mentions: number) => ({ entity: e, mentions });

describe('entity addresses', () => {
  test('the file round-trips: ids and names, English then Chinese, one line each', () => {
    const published = [
      publishedOf(entity('huawei', ['Huawei'], ['华为', '华为公司'])),
      publishedOf(entity('安全部', [], ['安全部'])),
    ];
    const text = formatEntityAddresses(published);
    expect(text).toContain('huawei\tHuawei\t华为\t华为公司\n');
    expect(parseEntityAddresses(text, 'content/entity-addresses.txt')).toEqual(published);
  });

  test('a line that is no id names the file and the line, and what to do', () => {
    const text = `${formatEntityAddresses([{ id: 'huawei', names: ['Huawei'] }])}Huawei Technologies\tHuawei\n`;
    expect(() => parseEntityAddresses(text, 'content/entity-addresses.txt')).toThrow(
      /^content\/entity-addresses\.txt:6: "Huawei Technologies" is not an entity id .*restore the line/,
    );
  });

  test('the page it goes to is addressed as an HTTP header can carry it, whatever the id', () => {
    const geingob = page(entity('根哥布', [], ['根哥布']), 6);
    const [moved, nowhere] = movedEntities(
      [
        { id: 'geingob', names: ['Geingob', '根哥布'] },
        { id: 'zzz-gone', names: ['Nobody & Co'] },
      ],
      [geingob],
    );
    expect(movedAddress(moved!)).toBe('/entities/%E6%A0%B9%E5%93%A5%E5%B8%83/');
    expect(() => new Headers({ Location: movedAddress(moved!) })).not.toThrow();
    expect(movedAddress(nowhere!)).toBe('/search/?q=Nobody+%26+Co');
  });

  test('an id without a page now goes to the page holding most of its names, or to none', () => {
    const homeland = page(
      entity('us-department-of-homeland-security', ['US Department of Homeland Security'], ['安全部']),
      9,
    );
    const other = page(entity('安全部门', [], ['安全部门', '安全部']), 30);
    const huawei = page(entity('huawei', ['Huawei'], ['华为']), 50);
    const moved = movedEntities(
      [
        { id: 'huawei', names: ['Huawei', '华为'] },
        { id: '安全部', names: ['US Department of Homeland Security', '安全部'] },
        { id: 'gallup', names: ['Gallup'] },
      ],
      [homeland, other, huawei],
    );
    expect(moved.map(({ id, to }) => [id, to?.entity.id])).toEqual([
      ['安全部', 'us-department-of-homeland-security'],
      ['gallup', undefined],
    ]);
  });

  test('of two pages holding as many of its names, the more mentioned', () => {
    const a = page(entity('a', ['A'], []), 3);
    const b = page(entity('b', ['B'], []), 8);
    expect(movedEntities([{ id: 'ab', names: ['A', 'B'] }], [a, b])[0]?.to?.entity.id).toBe('b');
  });

  test('new pages go at the end; a file listing them all is left as it is', () => {
    const published = [{ id: 'huawei', names: ['Huawei'] }];
    expect(withNewAddresses(published, [{ id: 'huawei', names: ['Huawei', '华为'] }])).toBeUndefined();
    expect(
      withNewAddresses(published, [
        { id: 'zte', names: ['ZTE'] },
        { id: 'huawei', names: ['Huawei'] },
      ]),
    ).toEqual([...published, { id: 'zte', names: ['ZTE'] }]);
  });
});
