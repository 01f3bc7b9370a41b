import { spokespeople } from '../transcript/spokespeople.ts';
import { countryEntities } from './countries.ts';
import type { Entity } from './entity.ts';
import type { EntityTable } from './table.ts';

/**
 * The table's entities; then the ministry's own spokespeople, whom answers name beside each other
 * without a title (我的同事陆慷、华春莹) and the site already knows in both languages; then the
 * countries. Each with the names the table does not claim or refuse.
 */
export function knownEntities(table: EntityTable): Entity[] {
  const claimed = new Set(table.entities.flatMap((entity) => [entity.id, ...entity.names.en, ...entity.names.zh]));
  const unclaimed = (entity: Entity): Entity => ({
    ...entity,
    names: {
      en: entity.names.en.filter((name) => !claimed.has(name) && !table.never.en.has(name)),
      zh: entity.names.zh.filter((name) => !claimed.has(name) && !table.never.zh.has(name)),
    },
  });
  const people = spokespeople.map((person): Entity => ({
    id: person.slug,
    kind: 'person',
    names: { en: [person.en], zh: [person.zh] },
    origin: 'spokespeople',
  }));
  const rest = [...people, ...countryEntities()]
    .filter((entity) => !claimed.has(entity.id))
    .map(unclaimed)
    .filter((entity) => entity.names.en.length + entity.names.zh.length > 0);
  return [...table.entities, ...rest];
}
