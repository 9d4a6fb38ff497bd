import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/match-mentions';
import { TEST_DATASET } from '../helpers';

const safeOnly = compileMatcher(TEST_DATASET.entities, { safeties: ['safe'] });
const all = compileMatcher(TEST_DATASET.entities);
const texts = (text: string, matcher = safeOnly) => matcher.find(text).map((m) => text.slice(m.start, m.end));

describe('compileMatcher', () => {
  it('finds full names with their offsets and entity ids', () => {
    expect(safeOnly.find('Yesterday Jeff Sessions spoke.')).toEqual([
      { start: 10, end: 23, entityId: 'jeff-sessions', alias: 'Jeff Sessions' },
    ]);
  });

  it('prefers the longest alias at a position', () => {
    expect(texts('President Donald Trump said', all)).toEqual(['President Donald Trump']);
    expect(texts('the Mueller investigation began', all)).toEqual(['Mueller investigation']);
    expect(texts('Jeff Sessions and Sessions', all)).toEqual(['Jeff Sessions', 'Sessions']);
  });

  it('matches only the safeties asked for', () => {
    expect(texts('Sessions and Trump')).toEqual([]);
    expect(texts('Sessions and Trump', all)).toEqual(['Sessions', 'Trump']);
  });

  it.each([
    ['inside a longer word', 'Trumpé and Sessionsville', []],
    ['before a combining mark', 'Donald Trump\u0301', []],
    ['with a no-break space', 'Jeff\u00A0Sessions', ['Jeff\u00A0Sessions']],
    ['over a line break', 'Jeff\nSessions', ['Jeff\nSessions']],
    ['with a straight possessive', "Jeff Sessions's bid", ['Jeff Sessions']],
    ['with a curly possessive', 'Donald Trump\u2019s tweets', ['Donald Trump']],
    ['with a plural possessive', "the Jeff Sessions' years", ['Jeff Sessions']],
  ])('handles a name %s', (_case, text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('is case-sensitive: lower-case words are not names', () => {
    expect(texts('jeff sessions', all)).toEqual([]);
  });

  it('treats regular-expression characters in aliases as literals', () => {
    const matcher = compileMatcher([
      { ...TEST_DATASET.entities[0]!, aliases: [{ text: 'A.B (c)+', safety: 'safe', form: 'full-name' }] },
    ]);
    expect(matcher.find('x A.B (c)+ y').length).toBe(1);
    expect(matcher.find('x AxB cc y').length).toBe(0);
  });
});
