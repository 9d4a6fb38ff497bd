/**
 * The one id → entity index. Built once per entity list (the bundled dataset
 * is one list for the life of a page or popup) and shared by everyone who
 * looks an entity up by id: the matcher's tables, the card, the popup.
 */
import type { Entity } from '../data/dataset-schema';

const indexes = new WeakMap<readonly Entity[], ReadonlyMap<string, Entity>>();

/** The entities by id. A `Map`, so an id like "constructor" is never a prototype key. */
export function entityIndex(
  entities: readonly Entity[],
): ReadonlyMap<string, Entity> {
  let index = indexes.get(entities);
  if (!index) {
    index = new Map(entities.map((entity) => [entity.id, entity]));
    indexes.set(entities, index);
  }
  return index;
}
