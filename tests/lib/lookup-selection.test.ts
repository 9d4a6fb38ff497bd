import { describe, expect, it } from 'vitest';
import datasetJson from '../../data/dataset.json';
import { parseDataset } from '../../data/dataset-schema';
import {
  cleanSelection,
  decideLookup,
  type LookupResult,
  type LookupTrigger,
} from '../../lib/lookup-selection';
import { EntitySearch } from '../../lib/search-entities';

const dataset = parseDataset(datasetJson);
const search = new EntitySearch(dataset.entities);

/** The decision in short: "card:<id>", "list:<id>,<id>", "none", "too-long", "no-selection". */
function short(result: LookupResult): string {
  switch (result.kind) {
    case 'card':
      return `card:${result.entity.id}`;
    case 'list':
      return `list:${result.hits.map((hit) => hit.entity.id).join(',')}`;
    default:
      return result.kind;
  }
}
const decide = (text: string, trigger: LookupTrigger = 'menu') =>
  short(decideLookup(search, text, trigger));

describe('cleanSelection', () => {
  it.each([
    ['  Jeff\n  Sessions ', 'Jeff Sessions'],
    ['“Doug Jones,”', 'Doug Jones'],
    ['(Tuberville)', 'Tuberville'],
    ['Trump’s', 'Trump'],
    ["Sessions's", 'Sessions'],
    ['Sessions’', 'Sessions'],
    ['@DougJones.', '@DougJones'],
    ['the U.S.', 'the U.S.'],
    ['Jones.', 'Jones'],
    ['#Obamagate!', '#Obamagate'],
    ['U.S. Senate', 'U.S. Senate'],
    ['— Pelosi —', 'Pelosi'],
    ['...', ''],
  ])('%j → %j', (text, query) => {
    expect(cleanSelection(text)).toBe(query);
  });
});

describe('decideLookup', () => {
  it.each([
    // One entity fits: its card.
    ['Jeff Sessions', 'card:jeff-sessions'],
    ['Sessions', 'card:jeff-sessions'], // an exact alias beats another entity's name prefix
    ['Trump’s', 'card:donald-trump'],
    ['Mueller', 'card:robert-mueller'],
    ['@DougJones', 'card:doug-jones'],
    ['Tubervile', 'card:tommy-tuberville'], // a typo
    ['Alabama', 'card:alabama'],
    ['speaker of the house', 'card:nancy-pelosi'], // description words
    ['GOP', 'card:republican-party'], // three letters: exact aliases only
    // Several fit about as well: the short list, best first.
    [
      'Alabama Senate',
      'list:alabama-senate-election-2020,alabama-senate-runoff-2020',
    ],
    ['Muller', 'list:robert-mueller,mueller-investigation'], // a typo of both
    ['former', 'list:tommy-tuberville,jeff-sessions'], // "the former football coach", "the former attorney general"
    // Nothing fits: said plainly.
    ['Zaphod Beeblebrox', 'none'],
    ['the', 'none'], // a short common word is not a description match
    ['', 'no-selection'],
    ['   ', 'no-selection'],
    [
      'Sessions and Tuberville will face off again on July 14 in the runoff.',
      'too-long',
    ],
    ['x'.repeat(101), 'too-long'],
  ])('%j → %s', (text, expected) => {
    expect(decide(text)).toBe(expected);
  });

  it('lists at most five, when more share the name', () => {
    const person = dataset.entities.find((e) => e.id === 'doug-jones')!;
    const smiths = Array.from({ length: 8 }, (_, i) => ({
      ...person,
      id: `smith-${i}`,
      name: `Pat Smith ${i}`,
      aliases: [
        { text: 'Smith', safety: 'context' as const, form: 'surname' as const },
      ],
    }));
    const result = decideLookup(new EntitySearch(smiths), 'Smith', 'menu');
    expect(short(result)).toBe('list:smith-0,smith-1,smith-2,smith-3,smith-4');
  });

  it.each([
    ['Tuberville', 'card:tommy-tuberville'],
    ['senator', 'none'], // description words never open anything on a double-click
    ['President', 'none'], // a title, the start of an alias ("President Trump")
    ['United', 'none'], // the first word of a name ("United States Senate")
    ['Sessions', 'card:jeff-sessions'],
    ['Tubervile', 'card:tommy-tuberville'],
    ['GOP', 'card:republican-party'],
    ['the', 'none'],
  ])('on a double-click, %j → %s', (text, expected) => {
    expect(decide(text, 'double-click')).toBe(expected);
  });

  it('is the same for the menu and the keyboard command', () => {
    for (const text of ['Sessions', 'Alabama Senate', 'nobody at all'])
      expect(decide(text, 'command')).toBe(decide(text, 'menu'));
  });
});
