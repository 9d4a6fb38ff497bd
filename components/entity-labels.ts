/** Human labels for dataset values, shared by the card and the popup. */
import type { EntityKind } from '../data/dataset-schema';

export const KIND_LABELS: Record<EntityKind, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  event: 'Event',
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2020-05-23" → "May 23, 2020"; "2020-03" → "March 2020". No Intl: the same on every machine. */
export function formatStoryDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  const monthName = MONTHS[Number(month) - 1];
  if (!year || !monthName) return iso;
  return day ? `${monthName} ${Number(day)}, ${year}` : `${monthName} ${year}`;
}

export const KIND_PLURALS: Record<EntityKind, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  event: 'Events',
};
