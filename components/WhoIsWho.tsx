/**
 * Who is on this page: the entities the content script found in the active
 * tab, most mentioned first. Choosing one scrolls the page to its next
 * mention; "About" opens its card. Clear empty states for a page with no
 * mentions, a page where annotations are off, and a page Backstory cannot run on.
 */
import { useState } from 'preact/hooks';
import type { Dataset, Entity } from '../data/dataset-schema';
import type { PageState } from '../lib/messages';
import { EntityDetail } from './EntityDetail';
import { KIND_LABELS } from './entity-labels';
import { entityIndex } from '../lib/entity-index';

export type PageView =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | ({ status: 'found' } & PageState);

export type WhoIsWhoProps = {
  dataset: Dataset;
  page: PageView;
  /** Why annotations are off here, for the empty state. */
  offReason?: 'paused' | 'disabled';
  onReveal: (entityId: string) => void;
  /** Resume the site or switch annotations on (the button in the "off" state). */
  onTurnOn: () => void;
};

export function WhoIsWho({
  dataset,
  page,
  offReason = 'paused',
  onReveal,
  onTurnOn,
}: WhoIsWhoProps) {
  const [open, setOpen] = useState<Entity | null>(null);
  const entities = entityIndex(dataset.entities);

  if (page.status === 'loading') {
    return <p class="empty">Looking at this page…</p>;
  }
  if (page.status === 'unavailable') {
    return (
      <div class="empty" data-empty="unavailable">
        <h2 class="empty__title">Backstory can’t run on this page</h2>
        <p>
          Browser pages, extension stores and local files are off-limits to
          extensions. If this is a web page that was open before Backstory was
          installed or updated, reload it.
        </p>
        <p>Look up still works: try the Look up tab.</p>
      </div>
    );
  }
  if (page.state === 'off') {
    return (
      <div class="empty" data-empty="off">
        <h2 class="empty__title">
          {offReason === 'disabled'
            ? 'Annotations are off'
            : `Paused on ${page.host}`}
        </h2>
        <p>
          {offReason === 'disabled'
            ? 'Backstory is not marking names on any site.'
            : 'Backstory is not marking names on this site.'}
        </p>
        <button type="button" class="button button--primary" onClick={onTurnOn}>
          {offReason === 'disabled'
            ? 'Turn annotations on'
            : `Resume on ${page.host}`}
        </button>
      </div>
    );
  }

  const rows = page.mentions.flatMap(({ entityId, count }) => {
    const entity = entities.get(entityId);
    return entity ? [{ entity, count }] : [];
  });
  if (open) {
    const count = rows.find((row) => row.entity.id === open.id)?.count ?? 0;
    return (
      <EntityDetail
        entity={open}
        dataset={dataset}
        count={count}
        onReveal={onReveal}
        backLabel="Back to this page"
        onBack={() => {
          setOpen(null);
          // Back where the reader left: the row's About button (in the DOM again on the next frame).
          requestAnimationFrame(() =>
            document
              .querySelector<HTMLElement>(
                `.whoiswho__row[data-entity="${open.id}"] .whoiswho__about`,
              )
              ?.focus(),
          );
        }}
      />
    );
  }
  if (!rows.length) {
    return (
      <div class="empty" data-empty="none">
        <h2 class="empty__title">No one Backstory knows is mentioned here</h2>
        <p>
          Backstory knows {dataset.entities.length} people, organizations,
          places and events from the stories it was built from. Names it knows
          are underlined as soon as a page mentions them.
        </p>
      </div>
    );
  }
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <div class="whoiswho">
      <p class="whoiswho__summary">
        {rows.length} {rows.length === 1 ? 'entry' : 'entries'}, {total}{' '}
        {total === 1 ? 'mention' : 'mentions'} on {page.host}. Choose a name to
        jump to its next mention.
      </p>
      <ul class="whoiswho__list">
        {rows.map(({ entity, count }) => (
          <li key={entity.id} class="whoiswho__row" data-entity={entity.id}>
            {/* Named by its visible text (WCAG 2.5.3: a label that hid the
                kind and description failed axe's label-content-name-mismatch). */}
            <button
              type="button"
              class="whoiswho__jump"
              onClick={() => onReveal(entity.id)}
            >
              <span class="option__line">
                <span class="option__name" dir="auto">
                  {entity.name}
                </span>
                <span class="option__kind">{KIND_LABELS[entity.kind]}</span>
                <span class="count">{count}</span>
                <span class="visually-hidden">
                  {count === 1
                    ? ' mention on the page'
                    : ' mentions on the page'}
                </span>
              </span>
              <span class="option__description">{entity.description}</span>
            </button>
            <button
              type="button"
              class="button button--quiet whoiswho__about"
              aria-label={`About ${entity.name}`}
              onClick={() => setOpen(entity)}
            >
              About
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
