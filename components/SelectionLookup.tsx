/**
 * What a lookup of selected text shows, inside the same floating card as a
 * hover: the entity's card (the same CardNavigator), a short "which one?"
 * list whose choices open that card (with a way back to the list), or a
 * plain sentence when nothing fits. It has its own close button.
 *
 * Focus, when asked (the menu and the keyboard command; not a double-click):
 * the card's name, the list's first choice, or the close button, so a screen
 * reader announces what opened and the keyboard is already inside.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Dataset } from '../data/dataset-schema';
import { type LookupResult, MAX_LOOKUP_WORDS } from '../lib/lookup-selection';
import type { PageDate } from '../lib/page-date';
import { CardNavigator } from './CardNavigator';
import { KIND_LABELS } from './entity-labels';

export type SelectionLookupProps = {
  result: LookupResult;
  dataset: Dataset;
  pageDate?: PageDate | null;
  headingId: string;
  descriptionId: string;
  /** Move focus into it when it opens. */
  autoFocus: boolean;
  onClose(): void;
};

export function SelectionLookup({
  result,
  dataset,
  pageDate,
  headingId,
  descriptionId,
  autoFocus,
  onClose,
}: SelectionLookupProps) {
  const root = useRef<HTMLDivElement>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const lastPicked = useRef<string | null>(null);
  const focusPending = useRef(autoFocus);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the view changes (open, pick, back), which `picked` stands for.
  useLayoutEffect(() => {
    const element = root.current;
    if (!element) return;
    if (!focusPending.current) return;
    focusPending.current = false;
    const target =
      element.querySelector<HTMLElement>('.bs-card__name') ??
      (lastPicked.current
        ? element.querySelector<HTMLElement>(
            `[data-entity-choice="${lastPicked.current}"]`,
          )
        : null) ??
      element.querySelector<HTMLElement>('.bs-lookup__choice') ??
      element.querySelector<HTMLElement>('.bs-close');
    target?.focus();
  }, [picked]);

  const close = (
    <button
      type="button"
      class="bs-close bs-close--lookup"
      aria-label="Close"
      onClick={onClose}
    >
      ×
    </button>
  );
  const card = (entityId: string) => (
    <CardNavigator
      key={entityId}
      entityId={entityId}
      dataset={dataset}
      pageDate={pageDate}
      headingId={headingId}
      descriptionId={descriptionId}
    />
  );

  let body: ComponentChildren;
  switch (result.kind) {
    case 'card':
      body = card(result.entity.id);
      break;
    case 'list':
      body = picked ? (
        <>
          <button
            type="button"
            class="bs-lookup__back"
            onClick={() => {
              focusPending.current = true;
              setPicked(null);
            }}
          >
            <span aria-hidden="true">←</span> All matches for “{result.query}”
          </button>
          {card(picked)}
        </>
      ) : (
        <>
          <h2 class="bs-lookup__title" id={headingId}>
            “{result.query}” could be
          </h2>
          <p class="bs-lookup__hint" id={descriptionId}>
            {result.hits.length} matches in Backstory. Choose one to see its
            card.
          </p>
          <ul class="bs-lookup__list">
            {result.hits.map(({ entity }) => (
              <li key={entity.id}>
                <button
                  type="button"
                  class="bs-lookup__choice"
                  data-entity-choice={entity.id}
                  onClick={() => {
                    lastPicked.current = entity.id;
                    focusPending.current = true;
                    setPicked(entity.id);
                  }}
                >
                  <span class="bs-lookup__name">{entity.name}</span>
                  <span class="bs-card__kind">{KIND_LABELS[entity.kind]}</span>
                  <span class="bs-lookup__description">
                    {entity.description}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      );
      break;
    case 'none':
      body = (
        <Message
          title="No match"
          text={`Backstory has no card for “${result.query}”.`}
          headingId={headingId}
          descriptionId={descriptionId}
        />
      );
      break;
    case 'too-long':
      body = (
        <Message
          title="Select just the name"
          text={`Backstory looks up a name of up to ${MAX_LOOKUP_WORDS} words; “${result.query}” is longer.`}
          headingId={headingId}
          descriptionId={descriptionId}
        />
      );
      break;
    case 'no-selection':
      body = (
        <Message
          title="Nothing selected"
          text="Select a name on the page, then look it up."
          headingId={headingId}
          descriptionId={descriptionId}
        />
      );
      break;
  }
  return (
    <div class="bs-lookup" ref={root} data-lookup={result.kind}>
      {close}
      {body}
    </div>
  );
}

function Message({
  title,
  text,
  headingId,
  descriptionId,
}: {
  title: string;
  text: string;
  headingId: string;
  descriptionId: string;
}) {
  return (
    <>
      <h2 class="bs-lookup__title" id={headingId}>
        {title}
      </h2>
      <p class="bs-lookup__message" id={descriptionId}>
        {text}
      </p>
    </>
  );
}
