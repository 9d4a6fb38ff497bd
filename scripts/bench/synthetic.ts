/**
 * Synthetic datasets for the alias-count scaling measurement: N aliases as
 * N/2 made-up people, each with a full name (safe) and a surname (context).
 * The text they are measured on mentions only the first 30 people, so every
 * alias count finds the same matches and only the size of the alternation
 * changes. Deterministic. Pure.
 */
import type { Entity } from '../../data/dataset-schema';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ven',
  'dor',
  'sel',
  'tam',
  'bri',
  'nok',
  'zu',
  'fel',
  'gar',
  'pim',
  'ros',
  'ul',
  'tev',
  'san',
  'quo',
  'ber',
  'hild',
  'mun',
  'yas',
  'cor',
];
const TOPIC_POOL = [
  'budget',
  'council',
  'hearing',
  'funding',
  'housing',
  'school',
  'water',
  'transit',
  'court',
  'ruling',
  'appeal',
  'contract',
];

const capitalize = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** The `index`-th made-up word of `length` syllables (unique per index below 24^length). */
function word(index: number, length: number): string {
  let out = '';
  let rest = index;
  for (let i = 0; i < length; i += 1) {
    out += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return capitalize(out);
}

export function syntheticEntities(aliasCount: number): Entity[] {
  const people = Math.max(1, Math.floor(aliasCount / 2));
  return Array.from({ length: people }, (_, i): Entity => {
    const first = word(i * 7 + 3, 2);
    const surname = word(i, 3);
    return {
      id: `synthetic-${i}`,
      kind: 'person',
      name: `${first} ${surname}`,
      description: 'made-up official in the benchmark',
      summary: 'A made-up person whose names only the benchmark uses.',
      aliases: [
        { text: `${first} ${surname}`, safety: 'safe', form: 'full-name' },
        { text: surname, safety: 'context', form: 'surname' },
      ],
      facts: [],
      relations: [],
      topics: [
        TOPIC_POOL[i % TOPIC_POOL.length]!,
        TOPIC_POOL[(i * 5 + 1) % TOPIC_POOL.length]!,
      ],
      sources: ['synthetic'],
      quotes: [],
    };
  });
}
