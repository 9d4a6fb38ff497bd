import { describe, expect, it } from 'vitest';
import datasetJson from '../../data/dataset.json';
import { parseDataset, type Entity } from '../../data/dataset-schema';
import {
  allowedTypos,
  editDistance,
  EntitySearch,
  foldForSearch,
} from '../../lib/search-entities';
import { TEST_DATASET } from '../helpers';

const dataset = parseDataset(datasetJson);
const search = new EntitySearch(dataset.entities);
const ids = (query: string, limit = 3) =>
  search.search(query, limit).map((hit) => hit.entity.id);
const top = (query: string) => search.search(query, 1)[0];

describe('foldForSearch', () => {
  it.each([
    ['Tubérville', 'tuberville'],
    ['  TOMMY   Tuberville ', 'tommy tuberville'],
    ['@DougJones', 'dougjones'],
    ['#Obamagate', 'obamagate'],
    ['U.S. Senate', 'us senate'],
    ["Cryin' Chuck", 'cryin chuck'],
    ['Sessions’s recusal', 'sessionss recusal'],
    ['commander-in-chief', 'commander in chief'],
    ['Straße', 'strasse'],
    ['İstanbul', 'istanbul'],
  ])('%j → %j', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });
});

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['tuberville', 'tuberville', 0],
    ['tubervile', 'tuberville', 1], // a missing letter
    ['tubervillle', 'tuberville', 1], // an extra letter
    ['tubarville', 'tuberville', 1], // a wrong letter
    ['tbuerville', 'tuberville', 1], // two neighbours swapped
    ['pelsoi', 'pelosi', 1],
    ['', 'abc', 3],
    ['ca', 'abc', 3], // OSA, not full Damerau (which says 2): no edits inside a swapped pair
    ['kitten', 'sitting', 3],
  ])('%j ↔ %j = %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('stops early above the limit and says so with limit + 1', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });

  it('allows more typos for longer queries, none for short ones', () => {
    expect([1, 3, 4, 6, 7, 10, 11, 20].map(allowedTypos)).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3,
    ]);
  });
});

describe('EntitySearch on the bundled dataset', () => {
  it.each([
    ['Tubervile', 'tommy-tuberville'], // a typo
    ['tubervile', 'tommy-tuberville'],
    ['Tubérville', 'tommy-tuberville'], // an accent the name does not have
    ['TUBERVILLE', 'tommy-tuberville'],
    ['Tomy Tubervile', 'tommy-tuberville'], // two typos over two words
    ['jeff', 'jeff-sessions'], // name prefix, shortest name first
    ['Jeff Sessions', 'jeff-sessions'],
    ['sesions', 'jeff-sessions'],
    ['@dougjones', 'doug-jones'], // a handle
    ['dougjones', 'doug-jones'],
    ['pelosi', 'nancy-pelosi'], // a surname alias
    ['pelosy', 'nancy-pelosi'],
    ['nancy', 'nancy-pelosi'],
    ['trump', 'donald-trump'], // the person before "First impeachment of Donald Trump"
    ['trmup', 'donald-trump'], // swapped letters
    ['mueler', 'robert-mueller'],
    ['us senate', 'us-senate'], // exact alias before a later word of another name
    ['gop', 'republican-party'],
    ['cryin chuck', 'chuck-schumer'],
    ['coach', 'tommy-tuberville'],
    ['speaker of the house', 'nancy-pelosi'], // description words
    ['football coach', 'tommy-tuberville'],
    ['obamagte', 'obamagate'],
  ])('%j finds %s first', (query, id) => {
    expect(ids(query, 1)).toEqual([id]);
  });

  it('says which alias matched', () => {
    expect(top('@dougjones')).toMatchObject({ match: 'name' });
    expect(top('gop')).toMatchObject({ match: 'alias', via: 'GOP' });
    expect(top('Tubervile')).toMatchObject({ match: 'fuzzy' });
    expect(top('senator alabama')).toMatchObject({
      match: 'text',
      entity: { id: 'doug-jones' },
    });
  });

  it('finds nothing for nonsense, and no typo matches for very short words', () => {
    expect(ids('xyzzy')).toEqual([]);
    expect(ids('qzx')).toEqual([]);
  });

  it('gives everything for an empty query, grouped by kind: people, organizations, places, events', () => {
    const all = search.search('   ');
    expect(all).toHaveLength(dataset.entities.length);
    const kinds = all.map((hit) => hit.entity.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => order(a) - order(b)));
    expect(
      all
        .filter((hit) => hit.entity.kind === 'person')
        .map((hit) => hit.entity.name),
    ).toEqual([
      'Chuck Schumer',
      'Donald Trump',
      'Doug Jones',
      'Jeff Sessions',
      'Nancy Pelosi',
      'Robert Mueller',
      'Tommy Tuberville',
    ]);
  });

  it('respects a limit', () => {
    expect(search.search('senate', 2)).toHaveLength(2);
  });
});

describe('EntitySearch ranking: exact name > name prefix > alias > later name word > alias prefix > typo > text', () => {
  const evidence = { source: 'test-source', quote: 'quote' };
  const person = (
    id: string,
    name: string,
    aliases: string[],
    description = 'Someone',
  ): Entity => ({
    id,
    kind: 'person',
    name,
    description,
    summary: 'A summary.',
    sources: ['test-source'],
    quotes: [],
    aliases: [name, ...aliases].map((text) => ({
      text,
      safety: 'safe' as const,
      form: 'full-name' as const,
    })),
    facts: [{ text: 'A fact.', evidence }],
    relations: [],
  });
  const ranked = new EntitySearch([
    person('text', 'Zed Alpha', [], 'Known for the marlow affair'),
    person('typo', 'Marlov Zed', []),
    person('alias-prefix', 'Zed Beta', ['Marlow Junior']),
    person('later-word', 'Zed Marlow', []),
    person('alias', 'Zed Gamma', ['Marlow']),
    person('prefix', 'Marlow Zed', []),
    person('exact', 'Marlow', []),
  ]);

  it('orders every tier', () => {
    expect(ranked.search('marlow').map((hit) => hit.entity.id)).toEqual([
      'exact',
      'prefix',
      'alias',
      'later-word',
      'alias-prefix',
      'typo',
      'text',
    ]);
    expect(ranked.search('marlow').map((hit) => hit.match)).toEqual([
      'name',
      'name-prefix',
      'alias',
      'name-word',
      'alias-prefix',
      'fuzzy',
      'text',
    ]);
  });

  it('works on the tiny test dataset too', () => {
    expect(
      new EntitySearch(TEST_DATASET.entities)
        .search('muller')
        .map((hit) => hit.entity.id),
    ).toEqual(['mueller-investigation']);
  });
});

function order(kind: Entity['kind']): number {
  return ['person', 'organization', 'place', 'event'].indexOf(kind);
}
