import { describe, expect, it } from 'vitest';
import datasetJson from '../../data/dataset.json';
import { parseDataset } from '../../data/dataset-schema';
import {
  cardAsOf,
  formatShortDate,
  timeNotice,
} from '../../components/time-notice';
import type { PageDate } from '../../lib/page-date';

const dataset = parseDataset(datasetJson);
const entity = (id: string) => dataset.entities.find((e) => e.id === id)!;
const day = (date: string): PageDate => ({
  date,
  precision: 'day',
  source: 'meta',
  field: 'date',
});
const month = (date: string): PageDate => ({
  date,
  precision: 'month',
  source: 'url',
  field: 'path',
});

describe('timeNotice', () => {
  it('knows the card’s as-of date from its source', () => {
    expect(cardAsOf(entity('jeff-sessions'), dataset)).toBe('2020-05-23');
  });

  it.each([
    ['2021-01-07', 'Jan 7, 2021'],
    ['2020-05-23', 'May 23, 2020'],
    ['2019-12', 'Dec 2019'],
    ['garbage', 'garbage'],
  ])('formats %s as %s', (iso, text) => {
    expect(formatShortDate(iso)).toBe(text);
  });

  it.each<[string, string, PageDate | null, string | null]>([
    [
      'a later page',
      'jeff-sessions',
      day('2021-01-07'),
      'page-later: This card is as of May 23, 2020; this page is from Jan 7, 2021.',
    ],
    [
      'a later page, an upcoming event',
      'alabama-senate-runoff-2020',
      day('2021-01-07'),
      'page-later: This card is as of May 23, 2020; this page is from Jan 7, 2021. + It had not happened yet then, so the card does not know the outcome.',
    ],
    [
      'a later page, an ongoing event',
      'obamagate',
      day('2020-06-01'),
      'page-later: This card is as of May 23, 2020; this page is from Jun 1, 2020. + It was still going on then, so the card does not know how it ended.',
    ],
    [
      'a later page, a past event (nothing to add)',
      'mueller-investigation',
      day('2021-01-07'),
      'page-later: This card is as of May 23, 2020; this page is from Jan 7, 2021.',
    ],
    [
      'an earlier page',
      'tommy-tuberville',
      day('2019-03-04'),
      'page-earlier: This page is from Mar 4, 2019; the card is as of May 23, 2020 and knows what happened after this page was written.',
    ],
    [
      'an earlier page, an upcoming event (it was upcoming then too)',
      'alabama-senate-runoff-2020',
      day('2020-05-22'),
      'page-earlier: This page is from May 22, 2020; the card is as of May 23, 2020 and knows what happened after this page was written.',
    ],
    ['the same day', 'jeff-sessions', day('2020-05-23'), null],
    [
      'the same month, known only to the month',
      'jeff-sessions',
      month('2020-05'),
      null,
    ],
    [
      'a later month',
      'jeff-sessions',
      month('2020-06'),
      'page-later: This card is as of May 23, 2020; this page is from Jun 2020.',
    ],
    ['no date', 'jeff-sessions', null, null],
  ])('%s', (_, id, page, expected) => {
    const notice = timeNotice(entity(id), dataset, page);
    expect(
      notice
        ? `${notice.kind}: ${notice.text}${notice.outcome ? ` + ${notice.outcome}` : ''}`
        : null,
    ).toBe(expected);
  });
});
