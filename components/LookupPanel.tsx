/**
 * Look someone up: a search box (focused when the popup opens) over a ranked
 * list of entities, following the ARIA combobox + listbox pattern. Arrow keys
 * move through the results, Enter opens the card, Esc clears the box (or goes
 * back from the card). An empty box lists everything, grouped by kind.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Dataset, Entity } from '../data/dataset-schema';
import { ENTITY_KINDS } from '../data/ids';
import { EntitySearch, type SearchHit } from '../lib/search-entities';
import { EntityDetail } from './EntityDetail';
import { KIND_LABELS, KIND_PLURALS } from './entity-labels';

export type LookupPanelProps = {
  dataset: Dataset;
  /** Mentions per entity on the current page, shown beside each result. */
  counts?: ReadonlyMap<string, number>;
  /** Scrolls the page to the entity's next mention. */
  onReveal?: (entityId: string) => void;
  autoFocus?: boolean;
};

const LISTBOX_ID = 'lookup-results';
const optionId = (entity: Entity) => `lookup-option-${entity.id}`;

export function LookupPanel({
  dataset,
  counts,
  onReveal,
  autoFocus = false,
}: LookupPanelProps) {
  const search = useMemo(() => new EntitySearch(dataset.entities), [dataset]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState<Entity | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const hits = useMemo(() => search.search(query), [search, query]);
  const activeHit = active >= 0 ? hits[active] : undefined;

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    if (!activeHit) return;
    document
      .getElementById(optionId(activeHit.entity))
      ?.scrollIntoView?.({ block: 'nearest' });
  }, [activeHit]);

  if (open) {
    return (
      <EntityDetail
        entity={open}
        dataset={dataset}
        count={counts?.get(open.id) ?? 0}
        onReveal={onReveal}
        onBack={() => {
          setOpen(null);
          // The input is back in the DOM on the next render.
          requestAnimationFrame(() => input.current?.focus());
        }}
      />
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (hits.length) setActive(Math.min(active + 1, hits.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (hits.length) setActive(Math.max(active - 1, 0));
        break;
      case 'Enter': {
        const chosen = activeHit ?? (query.trim() ? hits[0] : undefined);
        if (!chosen) return;
        event.preventDefault();
        setOpen(chosen.entity);
        break;
      }
      case 'Escape':
        if (!query) return; // Let Esc close the popup.
        event.preventDefault();
        event.stopPropagation();
        setQuery('');
        setActive(-1);
        break;
    }
  };

  const grouped = !query.trim();
  return (
    <div class="lookup">
      <label class="visually-hidden" for="lookup-input">
        Look up a name
      </label>
      <input
        ref={input}
        id="lookup-input"
        class="lookup__input"
        type="text"
        inputMode="search"
        enterKeyHint="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={hits.length > 0}
        aria-controls={LISTBOX_ID}
        aria-activedescendant={
          activeHit ? optionId(activeHit.entity) : undefined
        }
        aria-describedby="lookup-status"
        placeholder="Look up a name, e.g. Tuberville"
        autocomplete="off"
        spellcheck={false}
        value={query}
        onInput={(event) => {
          const value = (event.currentTarget as HTMLInputElement).value;
          setQuery(value);
          setActive(value.trim() ? 0 : -1);
        }}
        onKeyDown={onKeyDown}
      />
      <p id="lookup-status" class="lookup__status" aria-live="polite">
        {grouped
          ? `Everything Backstory knows: ${hits.length} entries.`
          : hits.length
            ? `${hits.length} found.`
            : `Nothing found for “${query.trim()}”.`}
      </p>
      <ul
        id={LISTBOX_ID}
        class="lookup__results"
        role="listbox"
        aria-label={grouped ? 'Everything Backstory knows' : 'Results'}
      >
        {grouped
          ? ENTITY_KINDS.map((kind) => {
              const inKind = hits
                .map((hit, index) => ({ hit, index }))
                .filter(({ hit }) => hit.entity.kind === kind);
              if (!inKind.length) return null;
              return (
                <li
                  key={kind}
                  role="group"
                  aria-labelledby={`lookup-group-${kind}`}
                  class="lookup__group"
                >
                  <span
                    id={`lookup-group-${kind}`}
                    class="lookup__group-heading"
                    aria-hidden="true"
                  >
                    {KIND_PLURALS[kind]}
                  </span>
                  <ul role="presentation" class="lookup__group-items">
                    {inKind.map(({ hit, index }) => (
                      <Option
                        key={hit.entity.id}
                        hit={hit}
                        active={index === active}
                        count={counts?.get(hit.entity.id)}
                        onChoose={setOpen}
                        showKind={false}
                      />
                    ))}
                  </ul>
                </li>
              );
            })
          : hits.map((hit, index) => (
              <Option
                key={hit.entity.id}
                hit={hit}
                active={index === active}
                count={counts?.get(hit.entity.id)}
                onChoose={setOpen}
                showKind
              />
            ))}
      </ul>
    </div>
  );
}

function Option({
  hit,
  active,
  count,
  onChoose,
  showKind,
}: {
  hit: SearchHit;
  active: boolean;
  count: number | undefined;
  onChoose: (entity: Entity) => void;
  showKind: boolean;
}) {
  const { entity } = hit;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: keys reach options through the search box (aria-activedescendant), as the APG listbox pattern has it.
    <li
      id={optionId(entity)}
      role="option"
      aria-selected={active}
      class={`option${active ? ' option--active' : ''}`}
      data-entity={entity.id}
      // Keep focus in the search box; the click still chooses.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onChoose(entity)}
    >
      <span class="option__line">
        <span class="option__name" dir="auto">
          {entity.name}
        </span>
        {showKind ? (
          <span class="option__kind">{KIND_LABELS[entity.kind]}</span>
        ) : (
          <span class="visually-hidden">, {KIND_LABELS[entity.kind]}</span>
        )}
        {count ? (
          <span class="count" title="Mentions on this page">
            {count}
            <span class="visually-hidden"> on this page</span>
          </span>
        ) : null}
      </span>
      {hit.via && foldedDiffers(hit.via, entity.name) ? (
        <span class="option__via">“{hit.via}”</span>
      ) : null}
      <span class="option__description">{entity.description}</span>
    </li>
  );
}

function foldedDiffers(a: string, b: string): boolean {
  return a.toLowerCase() !== b.toLowerCase();
}
