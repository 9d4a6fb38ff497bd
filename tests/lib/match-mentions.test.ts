import { describe, expect, it } from 'vitest';
import datasetJson from '../../data/dataset.json';
import { parseDataset } from '../../data/dataset-schema';
import {
  findMentions,
  MentionMatcher,
  PageEvidence,
} from '../../lib/match-mentions';
import { TEST_DATASET } from '../helpers';

const matcher = new MentionMatcher(parseDataset(datasetJson).entities);
/** [matched text, entity id] for every mention the page text gets. */
const linked = (text: string) =>
  findMentions(matcher, text).map((m) => [
    text.slice(m.start, m.end),
    m.entityId,
  ]);
const names = (text: string) => linked(text).map(([name]) => name);

describe('MentionMatcher: names', () => {
  it('finds full names with offsets, entity and reason', () => {
    expect(findMentions(matcher, 'Yesterday Jeff Sessions spoke.')).toEqual([
      {
        start: 10,
        end: 23,
        entityId: 'jeff-sessions',
        alias: 'Jeff Sessions',
        reason: {
          signals: [{ name: 'full-name', text: 'it is a full name' }],
        },
      },
    ]);
  });

  it('prefers the longest alias at a position', () => {
    expect(names('President Donald Trump said')).toEqual([
      'President Donald Trump',
    ]);
    // An event phrase owns its qualifiers: one mention, not "Alabama" + "Senate".
    expect(linked('the Mueller investigation began')).toEqual([
      ['the Mueller investigation', 'mueller-investigation'],
    ]);
    expect(linked('the Alabama Senate runoff on July 14')).toEqual([
      ['the Alabama Senate runoff on July 14', 'alabama-senate-runoff-2020'],
    ]);
  });

  it.each([
    ['inside a longer word', 'Donald Trumpé and Jeff Sessionsville', []],
    ['before a combining mark', 'Donald Trump\u0301', []],
    ['with a no-break space', 'Jeff\u00A0Sessions', ['Jeff\u00A0Sessions']],
    ['over a line break', 'Jeff\nSessions', ['Jeff\nSessions']],
    ['with a straight possessive', "Jeff Sessions's bid", ['Jeff Sessions']],
    ['with a curly possessive', 'Donald Trump\u2019s tweets', ['Donald Trump']],
    ['with a plural possessive', "Jeff Sessions' years", ['Jeff Sessions']],
    ['in a shouting headline', 'JEFF SESSIONS LOSES RUNOFF', ['JEFF SESSIONS']],
    [
      'with a curly apostrophe in the alias',
      'Cryin\u2019 Chuck Schumer said',
      ['Cryin\u2019 Chuck Schumer'],
    ],
  ])('handles a name %s', (_case, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('never treats lower-case words as names', () => {
    expect(
      names('jeff sessions played a trump card in training sessions'),
    ).toEqual([]);
  });

  it('does not take an upper-case word in normal text for a shouted name', () => {
    expect(names('Jeff Sessions and the TRUMP brand')).toEqual([
      'Jeff Sessions',
    ]);
  });

  it('matches handles in any case', () => {
    expect(
      names('Donald Trump tweeted at @dougjones and @TTUBERVILLE'),
    ).toEqual(['Donald Trump', '@dougjones', '@TTUBERVILLE']);
  });
});

describe('MentionMatcher: disambiguation', () => {
  it('links a bare surname when the same entity is named in full on the page, and says so', () => {
    const mentions = findMentions(
      matcher,
      'Jeff Sessions lost. Sessions conceded.',
    );
    expect(mentions[1]).toMatchObject({
      entityId: 'jeff-sessions',
      reason: {
        signals: expect.arrayContaining([
          {
            name: 'named-on-page',
            text: '“Jeff Sessions” appears on this page',
          },
        ]),
      },
    });
  });

  it('does not link a bare surname without evidence for that entity', () => {
    expect(names('Sessions conceded on Tuesday night.')).toEqual([]);
    expect(names('How To Play Your Trump Card')).toEqual([]);
    expect(names('Jones said the bakery would reopen.')).toEqual([]);
  });

  it.each([
    [
      'another first name before it',
      'Jeff Sessions and Rep. Pete Sessions of Texas. Pete Sessions said',
      ['Jeff Sessions'],
    ],
    [
      'a first name of someone else',
      'Donald Trump spoke; Ivanka Trump smiled.',
      ['Donald Trump'],
    ],
    [
      'an initial before it',
      'Jeff Sessions and J. Sessions',
      ['Jeff Sessions'],
    ],
    ['a suffix after it', 'Donald Trump Jr. and Donald Trump, Jr. spoke', []],
    [
      'a title that does not fit',
      'Jeff Sessions met Rep. Sessions',
      ['Jeff Sessions'],
    ],
    [
      'part of a longer name',
      'Donald Trump visited Trump Tower',
      ['Donald Trump'],
    ],
  ])('does not link a surname with %s', (_case, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('links a surname after a title that fits', () => {
    expect(names('Sen. Doug Jones spoke. Sen. Jones later said')).toEqual([
      'Sen. Doug Jones',
      'Sen. Jones',
    ]);
  });

  it('links surnames on a page about the race even without full names, from related names and topic words', () => {
    const text =
      'Tommy Tuberville beat Sessions in the Alabama Senate runoff; Sessions had held the seat.';
    expect(linked(text)).toContainEqual(['Sessions', 'jeff-sessions']);
    const reason = findMentions(matcher, text).find(
      (m) => m.entityId === 'jeff-sessions',
    )?.reason;
    expect(reason?.signals).toContainEqual({
      name: 'related-on-page',
      text: expect.stringContaining('“Tommy Tuberville”'),
    });
  });

  it('links an epithet that contains the full name', () => {
    expect(linked('Crazy Nancy Pelosi')).toEqual([
      ['Crazy Nancy Pelosi', 'nancy-pelosi'],
    ]);
  });

  it('falls back to the name inside a longer alias that does not fit here', () => {
    expect(linked('Coach Tuberville, Jr. and Tommy Tuberville')).toEqual([
      ['Tommy Tuberville', 'tommy-tuberville'],
    ]);
  });

  it('never links lower-case descriptions of people', () => {
    expect(
      names('Donald Trump spoke. The president and the commander-in-chief'),
    ).toEqual(['Donald Trump']);
  });
});

describe('MentionMatcher: events', () => {
  const trumpPage =
    'Donald Trump was acquitted. Sen. Doug Jones voted to convict in the impeachment trial.';

  it('links an event phrase when the page is about that event', () => {
    expect(linked(trumpPage)).toContainEqual([
      'the impeachment trial',
      'trump-impeachment',
    ]);
  });

  it.each([
    ['a second one', 'Donald Trump faced a second impeachment in 2021.'],
    [
      'another year',
      'Donald Trump and Doug Jones. The 1998 impeachment of the president.',
    ],
    [
      'someone else’s',
      'Donald Trump and Doug Jones discussed the Clinton impeachment.',
    ],
    [
      'of someone else',
      'Donald Trump and Doug Jones discussed the impeachment of Bill Clinton.',
    ],
  ])('does not link an impeachment that is %s', (_case, text) => {
    expect(linked(text).filter(([, id]) => id === 'trump-impeachment')).toEqual(
      [],
    );
  });

  it('links "the runoff" only when it is this race’s runoff', () => {
    expect(
      linked('Jeff Sessions and Tommy Tuberville meet in the runoff.'),
    ).toContainEqual(['the runoff', 'alabama-senate-runoff-2020']);
    expect(
      linked('The Georgia runoff on Jan. 5 decides the Senate.').filter(
        ([, id]) => id!.includes('runoff'),
      ),
    ).toEqual([]);
    expect(
      linked('Jeff Sessions watched the Texas runoff.').filter(([, id]) =>
        id!.includes('runoff'),
      ),
    ).toEqual([]);
  });
});

describe('MentionMatcher: settings', () => {
  const small = new MentionMatcher(TEST_DATASET.entities);
  const text =
    'Jeff Sessions met Donald Trump. Jeff Sessions left. The Mueller investigation ended.';

  it('links only the kinds switched on', () => {
    const mentions = findMentions(small, text, { kinds: new Set(['event']) });
    expect(mentions.map((m) => m.entityId)).toEqual(['mueller-investigation']);
  });

  it('links each entity once with first mention only', () => {
    expect(
      findMentions(small, text, { firstMentionOnly: true }).map(
        (m) => m.entityId,
      ),
    ).toEqual(['jeff-sessions', 'donald-trump', 'mueller-investigation']);
  });

  it('skips hidden entities', () => {
    expect(
      findMentions(small, text, { hidden: new Set(['jeff-sessions']) }).map(
        (m) => m.entityId,
      ),
    ).toEqual(['donald-trump', 'mueller-investigation']);
  });

  it('gathers evidence across segments: a surname links when the full name is in another segment', () => {
    const evidence = new PageEvidence();
    const first = small.scan('Sessions spoke.');
    const second = small.scan('Jeff Sessions, the former attorney general.');
    evidence.add(first, 'Sessions spoke.');
    evidence.add(second, 'Jeff Sessions, the former attorney general.');
    expect(small.resolve(first, evidence).map((m) => m.entityId)).toEqual([
      'jeff-sessions',
    ]);
  });
});

describe('MentionMatcher: hostile aliases', () => {
  it('treats regular-expression characters in aliases as literals', () => {
    const entity = {
      ...TEST_DATASET.entities[0]!,
      aliases: [
        {
          text: 'A.B (c)+',
          safety: 'safe' as const,
          form: 'full-name' as const,
        },
      ],
    };
    const hostile = new MentionMatcher([entity]);
    expect(findMentions(hostile, 'x A.B (c)+ y').length).toBe(1);
    expect(findMentions(hostile, 'x AxB cc y').length).toBe(0);
  });
});

describe('MentionMatcher: why linked', () => {
  it.each([
    'Jeff Sessions lost. Sessions conceded.',
    'Trump endorsed Tuberville on Twitter; Tommy Tuberville thanked him.',
    'The July 14 runoff in Alabama pits Jeff Sessions against Tommy Tuberville.',
    'Sen. Doug Jones spoke in the Senate about the impeachment trial of Donald Trump.',
  ])('every link says why, in words: %s', (text) => {
    const mentions = findMentions(matcher, text);
    expect(mentions.length).toBeGreaterThan(0);
    for (const mention of mentions) {
      expect(mention.reason.signals.length, mention.alias).toBeGreaterThan(0);
      for (const signal of mention.reason.signals)
        expect(signal.text.trim().length).toBeGreaterThan(3);
    }
  });
});
