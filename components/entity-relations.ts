/**
 * What a card says about an entity's connections, computed from the dataset:
 * related entities as chips, a timeline of dated events, and why a mention
 * was linked. Pure: no DOM, no Preact.
 */
import type {
  Dataset,
  Entity,
  EventEntity,
  RelationType,
} from '../data/dataset-schema';
import { describeReason, type MentionReason } from '../lib/link-decision';
import { formatStoryDate } from './entity-labels';
import { entityIndex } from '../lib/entity-index';

/** How a relation reads from its subject ("endorsed") and from its target ("endorsed by"). */
const RELATION_LABELS: Record<RelationType, { out: string; in: string }> = {
  endorsed: { out: 'Endorsed', in: 'Endorsed by' },
  supported: { out: 'Backs', in: 'Backed by' },
  criticized: { out: 'Criticized', in: 'Criticized by' },
  opponent: { out: 'Opponent of', in: 'Opponent of' },
  'candidate-in': { out: 'Candidate in', in: 'Candidate' },
  led: { out: 'Led', in: 'Led by' },
  investigated: { out: 'Investigated', in: 'Investigated by' },
  'recused-from': { out: 'Recused from', in: 'Recusal of' },
  'voted-for': { out: 'Voted for', in: 'Vote from' },
  'member-of': { out: 'Member of', in: 'Member' },
  polled: { out: 'Polled', in: 'Polled by' },
  reported: { out: 'Reported on', in: 'Reported by' },
  'coached-at': { out: 'Coached at', in: 'Former coach' },
  represents: { out: 'Represents', in: 'Represented by' },
  promoted: { out: 'Promoted', in: 'Promoted by' },
  follows: { out: 'Follows', in: 'Followed by' },
  precedes: { out: 'Precedes', in: 'Preceded by' },
  'posted-on': { out: 'Posted on', in: 'Used by' },
  'seeks-seat-in': { out: 'Seeks a seat in', in: 'Seat sought by' },
  'position-on': { out: 'Position on', in: 'Subject of a position by' },
};

export type RelatedChip = {
  entityId: string;
  name: string;
  kind: Entity['kind'];
  labels: string[];
};

/** Every entity this one is connected to, once each, with how (outgoing first, then incoming). */
export function relatedChips(entity: Entity, dataset: Dataset): RelatedChip[] {
  const byId = entityIndex(dataset.entities);
  const chips = new Map<string, RelatedChip>();
  const add = (id: string, label: string) => {
    const other = byId.get(id);
    if (!other || id === entity.id) return;
    const chip = chips.get(id) ?? {
      entityId: id,
      name: other.name,
      kind: other.kind,
      labels: [],
    };
    if (!chip.labels.includes(label)) chip.labels.push(label);
    chips.set(id, chip);
  };
  for (const relation of entity.relations)
    add(relation.target, RELATION_LABELS[relation.type].out);
  if (entity.kind === 'event') {
    for (const id of entity.participants) add(id, 'Participant');
    if (entity.place) add(entity.place, 'Place');
  }
  for (const other of dataset.entities) {
    for (const relation of other.relations) {
      if (relation.target === entity.id)
        add(other.id, RELATION_LABELS[relation.type].in);
    }
    if (other.kind === 'event' && other.participants.includes(entity.id))
      add(other.id, 'Took part in');
  }
  return [...chips.values()];
}

export type TimelineEntry = {
  entityId: string;
  name: string;
  date: string;
  status: EventEntity['status'];
  isSelf: boolean;
};

/** The dated events this entity is part of (or is), oldest first. */
export function timelineFor(entity: Entity, dataset: Dataset): TimelineEntry[] {
  const related = new Set(
    relatedChips(entity, dataset).map((chip) => chip.entityId),
  );
  return dataset.entities
    .filter((e): e is EventEntity => e.kind === 'event')
    .filter((event) => event.id === entity.id || related.has(event.id))
    .sort(
      (a, b) =>
        a.date.start.localeCompare(b.date.start) ||
        a.name.localeCompare(b.name),
    )
    .map((event) => ({
      entityId: event.id,
      name: event.name,
      date: event.date.label,
      status: event.status,
      isSelf: event.id === entity.id,
    }));
}

/** One sentence on why a mention was linked, for the card's footer. */
export function explainReason(
  reason: MentionReason | undefined,
): string | null {
  return describeReason(reason);
}

/** "Person · as of May 23, 2020": the card's dateline from the entity's newest source. */
export function storyDate(entity: Entity, dataset: Dataset): string | null {
  const source = dataset.sources.find(
    (s) => s.id === entity.sources[entity.sources.length - 1],
  );
  return source ? formatStoryDate(source.date) : null;
}
