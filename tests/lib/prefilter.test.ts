import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import datasetJson from '../../data/dataset.json';
import prefilterJson from '../../data/prefilter.json';
import { parseDataset } from '../../data/dataset-schema';
import {
  aliasKey,
  buildAliasTable,
  needsCue as needsCueOf,
} from '../../lib/alias-table';
import { findMentions, MentionMatcher } from '../../lib/match-mentions';
import {
  aliasWords,
  createPrefilter,
  prefilterWords,
  serializePrefilter,
} from '../../lib/prefilter';
import { buildPrefilterJson } from '../../scripts/build-dataset';

const entities = parseDataset(datasetJson).entities;
const matcher = new MentionMatcher(entities);
/** What the content script ships: the committed, generated words. */
const passes = createPrefilter(prefilterJson.words);
const table = buildAliasTable(entities);
/** Everyday words that link only with a cue of their frame (see prefilter.ts). */
const needsCue = (alias: (typeof table.aliases)[number]) =>
  needsCueOf(alias, table.facts.get(alias.entityId));
const aliases = table.aliases
  .filter((alias) => !needsCue(alias))
  .map((alias) => alias.text);
const cues = [
  ...new Set(
    table.aliases
      .filter(needsCue)
      .flatMap(
        (alias) =>
          table.facts.get(alias.entityId)?.frame?.event.frame?.cues ?? [],
      ),
  ),
];

/** Spellings of an alias a page may use that the matcher still matches. */
function variants(text: string): string[] {
  const spaced = (space: string) => text.replace(/ /g, space);
  return [
    text,
    text.toLowerCase(),
    text.toUpperCase(),
    spaced('\u00A0'),
    spaced('\n  '),
    text.replace(/'/g, '’'),
    text.replace(/-/g, '‑'),
    // A soft hyphen and a zero-width space inside a word: the matcher drops them.
    text.replace(/(\p{L})(\p{L})/u, '$1\u00AD$2'),
    text.replace(/(\p{L})(\p{L})/u, '$1\u200B$2'),
    `In a long sentence about something, ${text}, said someone.`,
    // textContent runs blocks together: "Jeff" + "Sessions" → "JeffSessions".
    `Paragraph one ended${text}paragraph two`,
  ];
}

/** Text runs of a fixture page, tags dropped, split where blocks end (roughly what the walker gives). */
function pageRuns(html: string): string[] {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '\n')
    .replace(
      /<\/?(p|div|h\d|li|td|th|br|section|article|header|footer|nav|aside|blockquote|figcaption)\b[^>]*>/gi,
      '\n',
    )
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;/g, '\u00A0')
    .replace(/&#39;|&rsquo;/g, '’')
    .split('\n')
    .map((run) => run.trim())
    .filter(Boolean);
}

// The dev split only: the held-out pages measure the matcher, nothing is tuned on them.
const CORPUS = 'tests/e2e/pages/corpus/dev';
const pages = [
  ...readdirSync(CORPUS)
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(CORPUS, file)),
  'scripts/demo/index.html',
];

describe('the prefilter never misses what the matcher would find', () => {
  it('is generated from the dataset that ships (run `npm run dataset` if not)', () => {
    expect(`${JSON.stringify(prefilterJson, null, 2)}\n`).toBe(
      buildPrefilterJson(readFileSync('data/dataset.json', 'utf8')),
    );
  });

  it.each(aliases)('passes every spelling of the alias %j', (alias) => {
    for (const text of variants(alias)) expect(passes(text), text).toBe(true);
  });

  it.each(cues)(
    'passes every spelling of the cue %j (everyday event words need one)',
    (cue) => {
      for (const text of variants(cue)) expect(passes(text), text).toBe(true);
    },
  );

  it('passes every text in which the matcher links anything or finds a name (aliases and their spellings, dev corpus pages, demo page)', () => {
    const texts = [
      ...aliases.flatMap(variants),
      ...pages.flatMap((file) => pageRuns(readFileSync(file, 'utf8'))),
    ];
    let withMentions = 0;
    for (const text of texts) {
      const scan = matcher.scan(text);
      // Event phrases made of everyday words ("stepped aside") are candidates
      // everywhere, but link only with their cues, which are triggers.
      const linked = findMentions(matcher, text).length > 0;
      if (!linked && !scan.names.length) continue;
      withMentions += 1;
      expect(passes(text), text).toBe(true);
    }
    // The check means something: most of these texts name someone.
    expect(withMentions).toBeGreaterThan(aliases.length / 2);
  });

  it('passes whole dev pages that link anything', () => {
    for (const file of pages) {
      const text = pageRuns(readFileSync(file, 'utf8')).join('\n');
      if (findMentions(matcher, text).length === 0) continue;
      expect(passes(text), file).toBe(true);
    }
  });

  it('keeps one word of every alias', () => {
    const words = new Set(prefilterWords(entities));
    for (const alias of aliases) {
      const own = aliasWords(aliasKey(alias).toLowerCase());
      expect(
        own.some((word) => words.has(word)),
        alias,
      ).toBe(true);
    }
  });
});

describe('the prefilter rejects ordinary pages', () => {
  it.each([
    [
      'a recipe',
      `Preheat the oven to 200 degrees. Whisk the eggs with the sugar until pale, then fold in the flour
      and a pinch of salt. Pour the batter into a buttered tin and bake for twenty-five minutes, until a
      skewer comes out clean. Let it cool on a rack before you slice it; it keeps for three days in a tin.`,
    ],
    [
      'software documentation',
      `To install the package, run the command below in your project folder. The configuration file
      accepts a list of plugins; each plugin receives the build context and may add loaders or change the
      output directory. See the changelog for breaking changes between major versions, and open an issue
      with a minimal reproduction if something does not work as described.`,
    ],
    [
      'a football match report',
      `The home side dominated possession in the first half but could not find a way past the keeper.
      After the break the visitors scored twice on the counter, and a late header was ruled out for
      offside. The manager said afterwards that his players had run out of ideas in the final third.`,
    ],
    [
      'a page in German',
      `Die Stadtverwaltung hat am Montag neue Pläne für den Ausbau der Radwege vorgestellt. Bis zum
      nächsten Sommer sollen mehrere Kreuzungen sicherer werden, und an den Bahnhöfen entstehen
      überdachte Stellplätze. Anwohner können ihre Vorschläge bis Ende des Monats einreichen.`,
    ],
    [
      'a page in Japanese',
      '東京では今週、桜の開花が平年より早く始まりました。気象庁によると、週末にかけて見頃を迎える見込みです。',
    ],
  ])('%s', (_kind, text) => {
    expect(passes(text)).toBe(false);
  });
});

describe('createPrefilter', () => {
  it('passes nothing without words and everything with an empty word', () => {
    expect(createPrefilter([])('Jeff Sessions')).toBe(false);
    expect(createPrefilter(['', 'x'])('nothing here')).toBe(true);
  });

  it('matches in any case, with the matcher’s case folding, and across invisible characters', () => {
    const test = createPrefilter(['sessions', 'straße']);
    expect(test('SESSIONS')).toBe(true);
    expect(test('Ses\u00ADsions')).toBe(true);
    expect(test('Seſſions')).toBe(/sessions/iu.test('Seſſions'));
    expect(test('Session')).toBe(false);
  });

  it('serializes the words the build writes', () => {
    expect(JSON.parse(serializePrefilter(['a', 'b'])).words).toEqual([
      'a',
      'b',
    ]);
  });
});
