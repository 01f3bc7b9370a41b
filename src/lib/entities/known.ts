import { countryEntities } from './countries.ts';
import type { Entity } from './entity.ts';
import type { EntityTable } from './table.ts';

/** The table's entities, then the countries with the names the table does not claim or refuse. */
export function knownEntities(table: EntityTable): Entity[] {
  const claimed = new Set(table.entities.flatMap((entity) => [entity.id, ...entity.names.en, ...entity.names.zh]));
  const countries = countryEntities()
    .filter((country) => !claimed.has(country.id))
    .map((country) => ({
      ...country,
      names: {
        en: country.names.en.filter((name) => !claimed.has(name) && !table.never.en.has(name)),
        zh: country.names.zh.filter((name) => !claimed.has(name) && !table.never.zh.has(name)),
      },
    }))
    .filter((country) => country.names.en.length + country.names.zh.length > 0);
  return [...table.entities, ...countries];
}
