/**
 * The entity card: who or what this is as of the story, what the article says
 * (each fact one click away from its quote), who and what it connects to, a
 * timeline, why the mention was linked, and the source. One component for the
 * hover card (content script) and the popup's lookup. Renders text only.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Dataset, Entity, Fact } from '../data/dataset-schema';
import type { MentionReason } from '../lib/match-mentions';
import { formatStoryDate, KIND_LABELS } from './entity-labels';
import {
  explainReason,
  relatedChips,
  storyDate,
  timelineFor,
} from './entity-relations';
import { entityIndex } from '../lib/entity-index';
import type { PageDate } from '../lib/page-date';
import { timeNotice } from './time-notice';

export type EntityCardProps = {
  entity: Entity;
  dataset: Dataset;
  /** Why the mention under the card was linked (hover card only). */
  reason?: MentionReason;
  /** Called when the reader picks a related entity; without it, chips are plain text. */
  onNavigate?: (entityId: string) => void;
  /** Shows a Back button that calls this. */
  onBack?: () => void;
  /** Element ids for aria-labelledby / aria-describedby on the container. */
  headingId?: string;
  descriptionId?: string;
  /** Extra controls at the bottom ("Not this person"). */
  actions?: ComponentChildren;
  /** The date of the page the card is shown on, when it has one (hover and lookup cards). */
  pageDate?: PageDate | null;
};

/** Facts shown before "Show all": enough to read at a glance, short enough for a card. */
const FACTS_AT_A_GLANCE = 4;

const STATUS_LABELS = {
  past: 'Past',
  ongoing: 'Ongoing',
  upcoming: 'Upcoming',
} as const;

export function EntityCard(props: EntityCardProps) {
  const {
    entity,
    dataset,
    reason,
    onNavigate,
    onBack,
    headingId,
    descriptionId,
    actions,
    pageDate,
  } = props;
  const asOf = storyDate(entity, dataset);
  const notice = timeNotice(entity, dataset, pageDate);
  const source = dataset.sources.find(
    (s) => s.id === entity.sources[entity.sources.length - 1],
  );
  const why = explainReason(reason);
  return (
    <article class="bs-card" data-kind={entity.kind} data-entity={entity.id}>
      <header class="bs-card__header">
        <div class="bs-card__topline">
          {onBack ? (
            <button type="button" class="bs-card__back" onClick={onBack}>
              <span aria-hidden="true">←</span> Back
            </button>
          ) : null}
          <span class="bs-card__kind">{KIND_LABELS[entity.kind]}</span>
          {asOf ? <span class="bs-card__asof">as of {asOf}</span> : null}
        </div>
        <h2 class="bs-card__name" id={headingId} dir="auto" tabIndex={-1}>
          {entity.name}
        </h2>
        <p class="bs-card__description" id={descriptionId}>
          {entity.description}
        </p>
      </header>
      {notice ? (
        <p class="bs-card__time" data-time={notice.kind}>
          {notice.text}
          {notice.outcome ? ` ${notice.outcome}` : null}
        </p>
      ) : null}
      <p class="bs-card__summary">{entity.summary}</p>
      {entity.kind === 'event' ? (
        <EventDetails
          entity={entity}
          dataset={dataset}
          onNavigate={onNavigate}
        />
      ) : null}
      <Facts facts={entity.facts} dataset={dataset} />
      {entity.kind === 'person' && entity.quotes.length ? (
        <section
          class="bs-card__section"
          aria-labelledby={headingId && `${headingId}-quotes`}
        >
          <h3 class="bs-card__heading" id={headingId && `${headingId}-quotes`}>
            In their words
          </h3>
          {entity.quotes.slice(0, 2).map((quote) => (
            <blockquote class="bs-card__quote" key={quote.text}>
              <p>“{quote.text}”</p>
              <footer>{quote.context}</footer>
            </blockquote>
          ))}
        </section>
      ) : null}
      <Connections entity={entity} dataset={dataset} onNavigate={onNavigate} />
      <Timeline entity={entity} dataset={dataset} onNavigate={onNavigate} />
      <footer class="bs-card__footer">
        {why ? <p class="bs-card__why">{why}</p> : null}
        <Links entity={entity} />
        {source ? (
          <p class="bs-card__source">
            Source: <cite>{source.title}</cite>
            {source.outlet ? `, ${source.outlet}` : ''} ·{' '}
            {formatStoryDate(source.date)}
            {source.dateCurated ? (
              <span class="bs-card__note"> (date from curation)</span>
            ) : null}
          </p>
        ) : null}
        {actions}
      </footer>
    </article>
  );
}

function Facts({
  facts,
  dataset,
}: {
  facts: readonly Fact[];
  dataset: Dataset;
}) {
  const [open, setOpen] = useState<number | null>(null);
  const [all, setAll] = useState(false);
  if (!facts.length) return null;
  const shown = all ? facts : facts.slice(0, FACTS_AT_A_GLANCE);
  return (
    <section class="bs-card__section">
      <h3 class="bs-card__heading">In this story</h3>
      <ul class="bs-card__facts">
        {shown.map((fact, index) => {
          const source = dataset.sources.find(
            (s) => s.id === fact.evidence.source,
          );
          const expanded = open === index;
          return (
            <li key={fact.text} class="bs-card__fact">
              <button
                type="button"
                class="bs-card__fact-button"
                aria-expanded={expanded}
                onClick={() => setOpen(expanded ? null : index)}
              >
                <span class="bs-card__fact-text">{fact.text}</span>
                <span class="bs-card__fact-hint">
                  {expanded ? 'Hide quote' : 'Quote'}
                </span>
              </button>
              {expanded ? (
                <blockquote class="bs-card__evidence">
                  <p>“{fact.evidence.quote}”</p>
                  {source ? <footer>— {source.title}</footer> : null}
                </blockquote>
              ) : null}
            </li>
          );
        })}
      </ul>
      {facts.length > FACTS_AT_A_GLANCE ? (
        <button
          type="button"
          class="bs-card__more"
          aria-expanded={all}
          onClick={() => setAll(!all)}
        >
          {all ? 'Show fewer' : `Show all ${facts.length} facts`}
        </button>
      ) : null}
    </section>
  );
}

type NavProps = {
  entity: Entity;
  dataset: Dataset;
  onNavigate?: (entityId: string) => void;
};

function EntityLink({
  id,
  name,
  onNavigate,
}: {
  id: string;
  name: string;
  onNavigate?: (entityId: string) => void;
}) {
  if (!onNavigate) return <span class="bs-card__chip-name">{name}</span>;
  return (
    <button type="button" class="bs-card__link" onClick={() => onNavigate(id)}>
      {name}
    </button>
  );
}

function EventDetails({ entity, dataset, onNavigate }: NavProps) {
  if (entity.kind !== 'event') return null;
  const byId = entityIndex(dataset.entities);
  const place = entity.place ? byId.get(entity.place) : undefined;
  return (
    <dl class="bs-card__event">
      <dt>When</dt>
      <dd>
        {entity.date.label}
        {entity.date.basis === 'curated' ? (
          <span class="bs-card__note"> (public record)</span>
        ) : null}
      </dd>
      {place ? (
        <>
          <dt>Where</dt>
          <dd>
            <EntityLink
              id={place.id}
              name={place.name}
              onNavigate={onNavigate}
            />
          </dd>
        </>
      ) : null}
      <dt>Status</dt>
      <dd>{STATUS_LABELS[entity.status]} as of the story</dd>
      <dt>Who</dt>
      <dd class="bs-card__participants">
        {entity.participants.map((id, index) => (
          <span key={id}>
            {index ? ', ' : ''}
            <EntityLink
              id={id}
              name={byId.get(id)?.name ?? id}
              onNavigate={onNavigate}
            />
          </span>
        ))}
      </dd>
    </dl>
  );
}

function Connections({ entity, dataset, onNavigate }: NavProps) {
  const chips = relatedChips(entity, dataset).filter(
    (chip) => chip.kind !== 'event',
  );
  if (!chips.length) return null;
  return (
    <section class="bs-card__section">
      <h3 class="bs-card__heading">Connected</h3>
      <ul class="bs-card__chips">
        {chips.map((chip) => (
          <li key={chip.entityId}>
            {onNavigate ? (
              <button
                type="button"
                class="bs-card__chip"
                data-kind={chip.kind}
                onClick={() => onNavigate(chip.entityId)}
                title={chip.labels.join(' · ')}
              >
                <span class="bs-card__chip-label">{chip.labels[0]}</span>{' '}
                {chip.name}
              </button>
            ) : (
              <span class="bs-card__chip" data-kind={chip.kind}>
                <span class="bs-card__chip-label">{chip.labels[0]}</span>{' '}
                {chip.name}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Timeline({ entity, dataset, onNavigate }: NavProps) {
  const entries = timelineFor(entity, dataset);
  if (!entries.length) return null;
  return (
    <section class="bs-card__section">
      <h3 class="bs-card__heading">Timeline</h3>
      <ol class="bs-card__timeline">
        {entries.map((entry) => (
          <li
            key={entry.entityId}
            data-status={entry.status}
            aria-current={entry.isSelf ? 'true' : undefined}
          >
            <span class="bs-card__when">{entry.date}</span>{' '}
            {entry.isSelf ? (
              <strong>{entry.name}</strong>
            ) : (
              <EntityLink
                id={entry.entityId}
                name={entry.name}
                onNavigate={onNavigate}
              />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** True only for https URLs; the schema already refuses others, this guards the render too. */
export function isSafeLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

function Links({ entity }: { entity: Entity }) {
  const links = (entity.links ?? []).filter((link) => isSafeLink(link.url));
  if (!links.length) return null;
  return (
    <p class="bs-card__links">
      Read more:{' '}
      {links.map((link, index) => (
        <span key={link.url}>
          {index ? ' · ' : ''}
          <a href={link.url} target="_blank" rel="noopener noreferrer">
            {link.label}
          </a>
        </span>
      ))}
    </p>
  );
}
