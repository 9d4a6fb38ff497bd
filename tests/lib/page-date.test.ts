import { describe, expect, it } from 'vitest';
import {
  type PageDateInput,
  parseDateValue,
  pickPageDate,
} from '../../lib/page-date';

const NOW = Date.UTC(2024, 5, 1, 12); // June 1, 2024
const URL_PLAIN = 'https://news.example.com/politics/a-story';
const page = (input: Partial<PageDateInput>): PageDateInput => ({
  jsonLd: [],
  meta: [],
  headerTimes: [],
  url: URL_PLAIN,
  ...input,
});
const ld = (value: unknown) => JSON.stringify(value);
const pick = (input: Partial<PageDateInput>) => {
  const found = pickPageDate(page(input), NOW);
  return found ? `${found.date} ${found.source}:${found.field}` : null;
};

describe('parseDateValue', () => {
  it.each([
    ['2021-01-07', '2021-01-07'],
    ['2021-01-07T10:00:00Z', '2021-01-07'],
    ['2021-01-07T10:00:00.000Z', '2021-01-07'],
    ['2021-01-07T23:30:00-05:00', '2021-01-07'], // the publisher's own date, not UTC's Jan 8
    ['2021-01-08T01:30:00+09:00', '2021-01-08'],
    ['2021-01-07T10:00:00+0000', '2021-01-07'],
    ['2021-01-07T10:00+01', '2021-01-07'],
    ['2021-01-07 10:00:00', '2021-01-07'],
    ['2021-01-07 10:00:00 -0500', '2021-01-07'],
    ['2021-01-07T10:00:00 GMT', '2021-01-07'],
    ['20210107', '2021-01-07'],
    ['20210107T103000Z', '2021-01-07'],
    ['2021/01/07', '2021-01-07'],
    ['2021/01/07 10:00', '2021-01-07'],
    ['Thu, 07 Jan 2021 15:00:00 GMT', '2021-01-07'],
    ['7 January 2021', '2021-01-07'],
    ['January 7, 2021', '2021-01-07'],
    ['Jan. 7, 2021', '2021-01-07'],
    ['Sept 7th, 2021', '2021-09-07'],
    ['January 7, 2021 10:30 AM EST', '2021-01-07'],
    ['  2021-01-07  ', '2021-01-07'],
    ['1610000000', '2021-01-07'], // Unix seconds
    ['1610000000000', '2021-01-07'], // Unix milliseconds
    ['2021-01', '2021-01'], // month only
  ])('%j → %s', (raw, date) => {
    expect(parseDateValue(raw)?.date).toBe(date);
  });

  it.each([
    '',
    'yesterday',
    'Updated 3 hours ago',
    '01/07/2021', // January 7 or July 1?
    '2021-02-30',
    '2021-13-01',
    '2021-00-10',
    '2021-1-7',
    'NaN',
    'null',
    '2021-01-07T25:00:00Z junk',
    '{{ post.date }}',
    'x'.repeat(200),
  ])('%j is not a date', (raw) => {
    expect(parseDateValue(raw)).toBeNull();
  });
});

describe('pickPageDate: one shape at a time', () => {
  it.each<[string, Partial<PageDateInput>, string | null]>([
    [
      'JSON-LD NewsArticle',
      {
        jsonLd: [
          ld({
            '@context': 'https://schema.org',
            '@type': 'NewsArticle',
            datePublished: '2021-01-07T10:00:00-05:00',
            dateModified: '2021-03-01T10:00:00-05:00',
          }),
        ],
      },
      '2021-01-07 json-ld:datePublished',
    ],
    [
      'JSON-LD ReportageNews',
      {
        jsonLd: [ld({ '@type': 'ReportageNews', datePublished: '2019-11-02' })],
      },
      '2019-11-02 json-ld:datePublished',
    ],
    [
      'JSON-LD BlogPosting with a full type URL',
      {
        jsonLd: [
          ld({
            '@type': 'http://schema.org/BlogPosting',
            datePublished: '2018-04-05',
          }),
        ],
      },
      '2018-04-05 json-ld:datePublished',
    ],
    [
      'JSON-LD with several types',
      {
        jsonLd: [
          ld({
            '@type': ['Article', 'NewsArticle'],
            datePublished: '2020-08-01',
          }),
        ],
      },
      '2020-08-01 json-ld:datePublished',
    ],
    [
      'a Yoast-style @graph: the article wins over the WebPage and the site',
      {
        jsonLd: [
          ld({
            '@context': 'https://schema.org',
            '@graph': [
              {
                '@type': 'WebSite',
                '@id': 'https://news.example.com/#website',
              },
              {
                '@type': 'WebPage',
                '@id': URL_PLAIN,
                datePublished: '2015-01-01T00:00:00+00:00',
              },
              {
                '@type': 'Article',
                '@id': `${URL_PLAIN}#article`,
                isPartOf: { '@id': URL_PLAIN },
                datePublished: '2021-01-07T08:00:00+00:00',
              },
            ],
          }),
        ],
      },
      '2021-01-07 json-ld:datePublished',
    ],
    [
      'an array of nodes: the article about this page, not a related one listed first',
      {
        jsonLd: [
          ld([
            {
              '@type': 'NewsArticle',
              url: 'https://news.example.com/other-story',
              datePublished: '2017-05-05',
            },
            {
              '@type': 'NewsArticle',
              mainEntityOfPage: { '@type': 'WebPage', '@id': `${URL_PLAIN}/` },
              datePublished: '2021-01-07',
            },
          ]),
        ],
      },
      '2021-01-07 json-ld:datePublished',
    ],
    [
      'JSON-LD dateCreated when datePublished is missing',
      { jsonLd: [ld({ '@type': 'Article', dateCreated: '2021-01-06' })] },
      '2021-01-06 json-ld:dateCreated',
    ],
    [
      'JSON-LD datePublished as a list',
      {
        jsonLd: [
          ld({ '@type': 'Article', datePublished: ['garbage', '2021-01-07'] }),
        ],
      },
      '2021-01-07 json-ld:datePublished',
    ],
    [
      'JSON-LD wrapped in an HTML comment',
      {
        jsonLd: [
          `<!--\n${ld({ '@type': 'NewsArticle', datePublished: '2021-01-07' })}\n-->`,
        ],
      },
      '2021-01-07 json-ld:datePublished',
    ],
    [
      'only a WebPage in JSON-LD (after meta tags, before <time>)',
      {
        jsonLd: [ld({ '@type': 'WebPage', datePublished: '2016-02-02' })],
        headerTimes: [{ datetime: '2021-01-07' }],
      },
      '2016-02-02 json-ld:datePublished',
    ],
    [
      'article:published_time',
      {
        meta: [
          { key: 'article:published_time', content: '2021-01-07T12:00:00Z' },
        ],
      },
      '2021-01-07 meta:article:published_time',
    ],
    [
      'og:article:published_time',
      {
        meta: [
          { key: 'og:article:published_time', content: '2021-01-07T12:00:00Z' },
        ],
      },
      '2021-01-07 meta:og:article:published_time',
    ],
    [
      'pubdate',
      { meta: [{ key: 'pubdate', content: '20210107' }] },
      '2021-01-07 meta:pubdate',
    ],
    [
      'date',
      { meta: [{ key: 'date', content: 'January 7, 2021' }] },
      '2021-01-07 meta:date',
    ],
    [
      'dc.date',
      { meta: [{ key: 'dc.date', content: '2021-01-07' }] },
      '2021-01-07 meta:dc.date',
    ],
    [
      'sailthru.date',
      { meta: [{ key: 'sailthru.date', content: '2021-01-07 10:00:00' }] },
      '2021-01-07 meta:sailthru.date',
    ],
    [
      'parsely-pub-date',
      { meta: [{ key: 'parsely-pub-date', content: '2021-01-07T15:00:00Z' }] },
      '2021-01-07 meta:parsely-pub-date',
    ],
    [
      'itemprop=datePublished on a meta tag',
      { meta: [{ key: 'datepublished', content: '2021-01-07' }] },
      '2021-01-07 meta:datepublished',
    ],
    [
      'the most specific meta tag, whatever the order on the page',
      {
        meta: [
          { key: 'date', content: '2020-12-31' },
          { key: 'article:published_time', content: '2021-01-07' },
        ],
      },
      '2021-01-07 meta:article:published_time',
    ],
    [
      'a header <time>, the one marked published first',
      {
        headerTimes: [
          { datetime: '2021-02-01' },
          { datetime: '2021-01-07T09:00:00-05:00', published: true },
        ],
      },
      '2021-01-07 time:time[datetime]',
    ],
    [
      'a URL /2021/01/07/',
      { url: 'https://news.example.com/2021/01/07/us/politics/story.html' },
      '2021-01-07 url:path',
    ],
    [
      'a URL /20210107/',
      { url: 'https://news.example.com/news/20210107/story' },
      '2021-01-07 url:path',
    ],
    [
      'a URL with a date inside a slug',
      { url: 'https://news.example.com/politics/story-2021-01-07-senate' },
      '2021-01-07 url:path',
    ],
    [
      'a URL with only a month',
      { url: 'https://blog.example.com/2021/01/a-post/' },
      '2021-01 url:path',
    ],
    ['nothing at all', {}, null],
  ])('%s', (_, input, expected) => {
    expect(pick(input)).toBe(expected);
  });
});

describe('pickPageDate: the order of trust', () => {
  const all: Partial<PageDateInput> = {
    jsonLd: [ld({ '@type': 'NewsArticle', datePublished: '2021-01-07' })],
    meta: [{ key: 'article:published_time', content: '2021-01-06' }],
    headerTimes: [{ datetime: '2021-01-05' }],
    url: 'https://news.example.com/2021/01/04/story',
  };
  it.each<[string, Partial<PageDateInput>, string]>([
    ['JSON-LD over everything', all, '2021-01-07 json-ld:datePublished'],
    [
      'then meta',
      { ...all, jsonLd: [] },
      '2021-01-06 meta:article:published_time',
    ],
    [
      'then <time>',
      { ...all, jsonLd: [], meta: [] },
      '2021-01-05 time:time[datetime]',
    ],
    [
      'then the URL',
      { ...all, jsonLd: [], meta: [], headerTimes: [] },
      '2021-01-04 url:path',
    ],
  ])('%s', (_, input, expected) => {
    expect(pick(input)).toBe(expected);
  });
});

describe('pickPageDate: values it must ignore (and then try the next source)', () => {
  const fallback = { headerTimes: [{ datetime: '2021-01-07' }] };
  it.each<[string, Partial<PageDateInput>]>([
    [
      'malformed JSON-LD',
      { jsonLd: ['{"@type": "NewsArticle", "datePublished": "2019-'] },
    ],
    [
      'JSON-LD that is not an object',
      { jsonLd: ['"2019-01-01"', '42', 'null'] },
    ],
    [
      'dateModified only',
      { jsonLd: [ld({ '@type': 'NewsArticle', dateModified: '2019-01-01' })] },
    ],
    [
      'article:modified_time',
      { meta: [{ key: 'article:modified_time', content: '2019-01-01' }] },
    ],
    [
      'og:updated_time',
      { meta: [{ key: 'og:updated_time', content: '2019-01-01' }] },
    ],
    [
      'the Unix epoch',
      { meta: [{ key: 'pubdate', content: '1970-01-01T00:00:00Z' }] },
    ],
    [
      'the epoch in a negative offset',
      { meta: [{ key: 'date', content: '1969-12-31T19:00:00-05:00' }] },
    ],
    [
      'epoch zero as a number',
      { meta: [{ key: 'pubdate', content: '0000000000' }] },
    ],
    [
      'a date far in the future',
      { jsonLd: [ld({ '@type': 'Article', datePublished: '2099-01-01' })] },
    ],
    ['next month', { meta: [{ key: 'date', content: '2024-07-01' }] }],
    ['the year 1', { meta: [{ key: 'date', content: '0001-01-01' }] }],
    ['garbage', { meta: [{ key: 'date', content: 'TBD' }] }],
    ['an impossible day', { meta: [{ key: 'date', content: '2019-02-29' }] }],
    [
      'an empty value',
      { jsonLd: [ld({ '@type': 'Article', datePublished: '' })] },
    ],
    [
      'a number where text belongs',
      { jsonLd: [ld({ '@type': 'Article', datePublished: 2019 })] },
    ],
    [
      'a template left unfilled',
      { meta: [{ key: 'article:published_time', content: '{{date}}' }] },
    ],
    [
      'an ambiguous US date',
      { meta: [{ key: 'date', content: '01/02/2019' }] },
    ],
    [
      'an unknown meta key',
      { meta: [{ key: 'copyright', content: '2019-01-01' }] },
    ],
  ])('%s', (_, input) => {
    expect(pick({ ...fallback, ...input })).toBe(
      '2021-01-07 time:time[datetime]',
    );
  });

  it.each([
    'https://news.example.com/2099/01/07/story', // the future
    'https://news.example.com/product/12345678/', // an id, not a date (month 56)
    'https://news.example.com/2021/13/40/story',
    'https://news.example.com/page/2021', // a year alone
    'not a url',
  ])('takes no date from %s', (url) => {
    expect(pick({ url })).toBeNull();
  });

  it('tomorrow is fine (a publisher in a time zone ahead of the reader)', () => {
    expect(
      pick({ meta: [{ key: 'date', content: '2024-06-02T08:00:00+14:00' }] }),
    ).toBe('2024-06-02 meta:date');
  });
});
