/**
 * One entity's card inside the popup: the same EntityCard as the hover card,
 * with a way back to the list and, when the page mentions the entity, a
 * button that scrolls the page to its next mention. Esc goes back.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Dataset, Entity } from '../data/dataset-schema';
import { EntityCard } from './EntityCard';

export type EntityDetailProps = {
  entity: Entity;
  dataset: Dataset;
  /** How often the current page mentions the entity (0 or absent: not on the page). */
  count?: number;
  onBack: () => void;
  onReveal?: (entityId: string) => void;
  backLabel?: string;
};

export function EntityDetail({
  entity,
  dataset,
  count = 0,
  onBack,
  onReveal,
  backLabel = 'Back to results',
}: EntityDetailProps) {
  const region = useRef<HTMLElement>(null);
  const headingId = `detail-name-${entity.id}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per entity shown, which is what entity.id stands for.
  useLayoutEffect(() => {
    // Move focus to the card so screen readers announce it and Esc works at once.
    region.current?.focus();
  }, [entity.id]);
  return (
    <section
      ref={region}
      class="detail"
      aria-labelledby={headingId}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onBack();
      }}
    >
      <div class="detail__bar">
        <button
          type="button"
          class="button button--quiet detail__back"
          onClick={onBack}
        >
          <span aria-hidden="true">←</span> {backLabel}
        </button>
        {count > 0 && onReveal ? (
          <button
            type="button"
            class="button detail__reveal"
            onClick={() => onReveal(entity.id)}
          >
            Show on this page <span class="count">{count}</span>
          </button>
        ) : null}
      </div>
      <div class="bs-layer detail__card">
        <EntityCard entity={entity} dataset={dataset} headingId={headingId} />
      </div>
    </section>
  );
}
