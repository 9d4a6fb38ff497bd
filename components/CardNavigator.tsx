/**
 * A card that can move to related entities and back: chips push onto a small
 * history, Back pops it. The first card keeps the mention's "why linked" and
 * the actions; cards reached through chips are about other entities.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Dataset } from '../data/dataset-schema';
import type { MentionReason } from '../lib/match-mentions';
import { EntityCard } from './EntityCard';
import { entityIndex } from '../lib/entity-index';
import type { PageDate } from '../lib/page-date';

export type CardNavigatorProps = {
  entityId: string;
  dataset: Dataset;
  reason?: MentionReason;
  actions?: ComponentChildren;
  headingId: string;
  descriptionId: string;
  /** The page's date, for the card's line about time (lib/page-date.ts). */
  pageDate?: PageDate | null;
};

export function CardNavigator({
  entityId,
  dataset,
  reason,
  actions,
  headingId,
  descriptionId,
  pageDate,
}: CardNavigatorProps) {
  const [history, setHistory] = useState<string[]>([entityId]);
  const container = useRef<HTMLDivElement>(null);
  const moved = useRef<'forward' | 'back' | null>(null);
  const currentId = history[history.length - 1]!;
  const entity = entityIndex(dataset.entities).get(currentId);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per navigation, which makes a new history array.
  useEffect(() => {
    // Keep keyboard users in place: after a chip, focus Back; after Back, the name.
    if (moved.current === 'forward')
      container.current?.querySelector<HTMLElement>('.bs-card__back')?.focus();
    if (moved.current === 'back')
      container.current?.querySelector<HTMLElement>('.bs-card__name')?.focus();
    moved.current = null;
  }, [history]);

  if (!entity) return null;
  const atRoot = history.length === 1;
  return (
    <div ref={container} class="bs-navigator" data-depth={history.length}>
      <EntityCard
        key={currentId}
        entity={entity}
        dataset={dataset}
        reason={atRoot ? reason : undefined}
        headingId={headingId}
        descriptionId={descriptionId}
        actions={atRoot ? actions : undefined}
        pageDate={pageDate}
        onNavigate={(id) => {
          moved.current = 'forward';
          setHistory([...history, id]);
        }}
        onBack={
          atRoot
            ? undefined
            : () => {
                moved.current = 'back';
                setHistory(history.slice(0, -1));
              }
        }
      />
    </div>
  );
}
