/**
 * The card's one line about time, when the page and the card are not from
 * the same day: a page written after the card's "as of" date may describe a
 * world the card does not know (and an event the card calls upcoming may be
 * over); a page written before it is one the card knows the sequel to.
 * Nothing when the page has no date or the same one. Pure.
 */
import type { Dataset, Entity } from '../data/dataset-schema';
import type { PageDate } from '../lib/page-date';

export type TimeNotice = {
  kind: 'page-later' | 'page-earlier';
  text: string;
  /** For events the card saw as upcoming or ongoing: it cannot know how they turned out. */
  outcome?: string;
};

const SHORT_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** "2021-01-07" → "Jan 7, 2021"; "2021-01" → "Jan 2021". */
export function formatShortDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  const name = SHORT_MONTHS[Number(month) - 1];
  if (!year || !name) return iso;
  return day ? `${name} ${Number(day)}, ${year}` : `${name} ${year}`;
}

/** The date the card is "as of": its latest source's (YYYY-MM-DD), or null. */
export function cardAsOf(entity: Entity, dataset: Dataset): string | null {
  const id = entity.sources[entity.sources.length - 1];
  return dataset.sources.find((source) => source.id === id)?.date ?? null;
}

/** Compares at the coarser of the two precisions: a page dated "January 2021" is not before Jan 7. */
function compare(page: PageDate, asOf: string): number {
  const length = page.precision === 'month' ? 7 : 10;
  const a = page.date.slice(0, length);
  const b = asOf.slice(0, length);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function timeNotice(
  entity: Entity,
  dataset: Dataset,
  page: PageDate | null | undefined,
): TimeNotice | null {
  const asOf = cardAsOf(entity, dataset);
  if (!page || !asOf) return null;
  const order = compare(page, asOf);
  if (order === 0) return null;
  const cardDate = formatShortDate(asOf);
  const pageDate = formatShortDate(page.date);
  if (order < 0)
    return {
      kind: 'page-earlier',
      text: `This page is from ${pageDate}; the card is as of ${cardDate} and knows what happened after this page was written.`,
    };
  const notice: TimeNotice = {
    kind: 'page-later',
    text: `This card is as of ${cardDate}; this page is from ${pageDate}.`,
  };
  if (entity.kind === 'event' && entity.status === 'upcoming')
    notice.outcome =
      'It had not happened yet then, so the card does not know the outcome.';
  else if (entity.kind === 'event' && entity.status === 'ongoing')
    notice.outcome =
      'It was still going on then, so the card does not know how it ended.';
  return notice;
}
