/**
 * The entity card: who or what this is, as of the story. One component for the
 * hover card (content script) and the popup's lookup. Renders text only.
 */
import type { Dataset, Entity } from '../data/dataset-schema';
import { formatStoryDate, KIND_LABELS } from './entity-labels';

export type EntityCardProps = {
  entity: Entity;
  dataset: Dataset;
  /** Element id of the name, for aria-labelledby on the card's container. */
  headingId?: string;
  descriptionId?: string;
};

export function EntityCard({ entity, dataset, headingId, descriptionId }: EntityCardProps) {
  const source = dataset.sources.find((s) => s.id === entity.sources[entity.sources.length - 1]);
  return (
    <article class="bs-card" data-kind={entity.kind}>
      <header class="bs-card__header">
        <span class="bs-card__kind">{KIND_LABELS[entity.kind]}</span>
        <h2 class="bs-card__name" id={headingId} dir="auto">
          {entity.name}
        </h2>
        <p class="bs-card__description" id={descriptionId}>
          {entity.description}
          {source ? <span class="bs-card__asof"> · as of {formatStoryDate(source.date)}</span> : null}
        </p>
      </header>
      <p class="bs-card__summary">{entity.summary}</p>
      {source ? (
        <footer class="bs-card__source">
          Source: <cite>{source.title}</cite>
          {source.outlet ? `, ${source.outlet}` : ''} · {formatStoryDate(source.date)}
        </footer>
      ) : null}
    </article>
  );
}
