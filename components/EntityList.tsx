/** Entities grouped by kind, in the dataset's order of kinds: people first. */
import { ENTITY_KINDS, type Entity } from '../data/dataset-schema';
import { KIND_LABELS } from './entity-labels';

const PLURAL: Record<Entity['kind'], string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  event: 'Events',
};

export function EntityList({ entities }: { entities: readonly Entity[] }) {
  return (
    <div class="entity-list">
      {ENTITY_KINDS.map((kind) => {
        const group = entities.filter((entity) => entity.kind === kind);
        if (!group.length) return null;
        return (
          <section key={kind} class="entity-list__group" aria-label={PLURAL[kind]}>
            <h2 class="entity-list__heading">{PLURAL[kind]}</h2>
            <ul class="entity-list__items">
              {group.map((entity) => (
                <li key={entity.id} class="entity-list__item" data-entity={entity.id}>
                  <span class="entity-list__name" dir="auto">
                    {entity.name}
                  </span>
                  <span class="entity-list__description">{entity.description}</span>
                  <span class="visually-hidden">{KIND_LABELS[kind]}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
