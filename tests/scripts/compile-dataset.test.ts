import { describe, expect, it } from 'vitest';
import {
  compileDataset,
  DatasetBuildError,
  serializeDataset,
  type SourceFiles,
} from '../../scripts/dataset/compile-dataset';
import { readSources } from '../../scripts/dataset/read-sources';

const FIXTURE = 'tests/fixtures/dataset/two-sources';
const [bridge, mayor] = readSources(FIXTURE);
if (!bridge || !mayor) throw new Error('fixture sources missing');

/** The first fixture source with one edit applied to one of its files. */
function edited(
  file: 'curationText' | 'metaText' | 'ignoreText' | 'articleText',
  from: string,
  to: string,
): SourceFiles {
  const text = bridge![file] ?? '';
  if (!text.includes(from))
    throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return { ...bridge!, [file]: text.replace(from, to) };
}

function problemsOf(sources: SourceFiles[]): string {
  try {
    compileDataset(sources);
  } catch (error) {
    if (error instanceof DatasetBuildError) return error.message;
    throw error;
  }
  throw new Error('the build accepted the broken fixture');
}

const CURATION = 'data/sources/city-bridge-2021-04-05/entities.yaml';

describe('compileDataset', () => {
  it('builds the fixture without problems', () => {
    const dataset = compileDataset([bridge]);
    expect(dataset.entities.map((entity) => entity.id)).toEqual([
      'ana-ruiz',
      'harbor-party',
      'riverside-bridge-opening',
    ]);
  });

  it('accepts evidence that differs only in whitespace and quote-mark style', () => {
    const curly = edited(
      'curationText',
      '"\\"It connects the two halves of this city,\\" Ruiz',
      '"\u201CIt connects the two\n           halves of this city,\u201D Ruiz',
    );
    expect(() => compileDataset([curly])).not.toThrow();
  });

  it.each([
    {
      error: 'an evidence quote that is not in its source',
      source: () =>
        edited(
          'curationText',
          'evidence: "two years after work began"',
          'evidence: "three years after work began"',
        ),
      message: `${CURATION}: entity "riverside-bridge-opening", field facts[0].evidence: quote not found in source "city-bridge-2021-04-05"`,
    },
    {
      error: 'a quoted saying that is not verbatim',
      source: () =>
        edited(
          'curationText',
          'text: "It connects the two halves of this city"',
          'text: "It connects the halves of this city"',
        ),
      message: `${CURATION}: entity "ana-ruiz", field quotes[0].text: quote not found in source`,
    },
    {
      error: 'a relation pointing to an unknown id',
      source: () =>
        edited('curationText', 'target: harbor-party', 'target: harbour-party'),
      message: `${CURATION}: entity "ana-ruiz", field relations[0].target: points to unknown entity id "harbour-party"`,
    },
    {
      error: 'a participant that is an unknown id',
      source: () =>
        edited(
          'curationText',
          'participants: [ana-ruiz]',
          'participants: [ana-ruis]',
        ),
      message: `${CURATION}: entity "riverside-bridge-opening", field participants[0]: points to unknown entity id "ana-ruis"`,
    },
    {
      error: 'an id that repeats',
      source: () =>
        edited('curationText', '  - id: harbor-party', '  - id: ana-ruiz'),
      message: `${CURATION}: entity "ana-ruiz", field id: id repeats in this file`,
    },
    {
      error: 'two entities claiming one alias without marking it ambiguous',
      source: () =>
        edited(
          'curationText',
          '      - { text: Harbor Party, safety: safe, form: full-name }',
          '      - { text: Harbor Party, safety: safe, form: full-name }\n      - { text: RUIZ, safety: context, form: surname }',
        ),
      message: `${CURATION}: entity "ana-ruiz", field aliases[1]: alias "ruiz" is also claimed by harbor-party; mark it ambiguous`,
    },
    {
      error: 'a javascript: link',
      source: () =>
        edited(
          'curationText',
          '    relations: []\n    date:',
          '    relations: []\n    links: [{ label: Map, url: "javascript:alert(1)" }]\n    date:',
        ),
      message: `${CURATION}: entity "riverside-bridge-opening", field links[0].url: must be an https:// URL`,
    },
    {
      error: 'a data: link',
      source: () =>
        edited(
          'curationText',
          '    relations: []\n    date:',
          '    relations: []\n    links: [{ label: Map, url: "data:text/html,hi" }]\n    date:',
        ),
      message: 'field links[0].url: must be an https:// URL',
    },
    {
      error: 'an http: link',
      source: () =>
        edited(
          'curationText',
          '    relations: []\n    date:',
          '    relations: []\n    links: [{ label: Map, url: "http://example.com/" }]\n    date:',
        ),
      message: 'field links[0].url: must be an https:// URL',
    },
    {
      error: 'an empty required field',
      source: () =>
        edited(
          'curationText',
          'description: Local political party',
          'description: "   "',
        ),
      message: `${CURATION}: entity "harbor-party", field description: must not be empty`,
    },
    {
      error: 'a missing required field',
      source: () =>
        edited(
          'curationText',
          "    summary: The party that backed Ruiz's campaign.\n",
          '',
        ),
      message: `${CURATION}: entity "harbor-party", field summary: is required but missing or empty`,
    },
    {
      error: 'an event without participants',
      source: () =>
        edited('curationText', '    participants: [ana-ruiz]\n', ''),
      message: `${CURATION}: entity "riverside-bridge-opening", field participants: needs at least one participant`,
    },
    {
      error: 'an unknown field (a typo, or a key such as constructor)',
      source: () =>
        edited(
          'curationText',
          '    kind: organization\n',
          '    kind: organization\n    constructor: x\n',
        ),
      message: `${CURATION}: entity "harbor-party": Unrecognized key: "constructor"`,
    },
    {
      error: 'a __proto__ key (it must never reach a prototype)',
      source: () =>
        edited(
          'curationText',
          '    kind: organization\n',
          '    kind: organization\n    __proto__: { polluted: true }\n',
        ),
      message: `${CURATION}: entity "harbor-party": Unrecognized key: "__proto__"`,
    },
    {
      error: 'a YAML syntax error',
      source: () => edited('curationText', 'entities:', 'entities: ['),
      message: `${CURATION}: is not valid YAML`,
    },
    {
      error: 'an invalid source date',
      source: () => edited('metaText', 'date: "2021-04-05"', 'date: "April 5"'),
      message:
        'data/sources/city-bridge-2021-04-05/source.yaml: field date: must be YYYY-MM-DD',
    },
    {
      error: 'a proper name in the source that nothing covers',
      source: () =>
        edited(
          'ignoreText',
          '  - { name: Mayor, reason: "A title, not a name." }\n',
          '',
        ),
      message:
        'data/sources/city-bridge-2021-04-05/article.txt: proper name "Mayor" (…Mayor Ana Ruiz Opens',
    },
    {
      error: 'an ignore entry that no longer matches anything',
      source: () =>
        edited(
          'ignoreText',
          'ignored:\n',
          'ignored:\n  - { name: Zanzibar, reason: "Stale." }\n',
        ),
      message:
        'data/sources/city-bridge-2021-04-05/coverage-ignore.yaml: field ignored: "Zanzibar" is no longer an uncovered name',
    },
  ])('reports $error with file, entity and field', ({ source, message }) => {
    expect(problemsOf([source()])).toContain(message);
  });

  it('leaves Object.prototype clean after refusing a __proto__ key', () => {
    problemsOf([
      edited(
        'curationText',
        '    kind: organization\n',
        '    kind: organization\n    __proto__: { polluted: true }\n',
      ),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports an entity whose kind differs between sources', () => {
    const conflicting = {
      ...mayor,
      curationText: mayor.curationText.replace(
        'kind: person',
        'kind: organization',
      ),
    };
    expect(problemsOf([bridge, conflicting])).toContain(
      'data/sources/city-mayor-2021-06-11/entities.yaml: entity "ana-ruiz", field kind: is "organization" here but "person"',
    );
  });

  it('is deterministic: the same input gives the same bytes, whatever the read order', () => {
    const once = serializeDataset(compileDataset([bridge, mayor]));
    expect(serializeDataset(compileDataset([mayor, bridge]))).toBe(once);
    expect(serializeDataset(compileDataset([bridge, mayor]))).toBe(once);
  });
});

describe('more than one source', () => {
  const dataset = compileDataset(readSources(FIXTURE));
  const ruiz = dataset.entities.find((entity) => entity.id === 'ana-ruiz');

  it('lists every source folder as a source', () => {
    expect(dataset.sources.map((source) => source.id)).toEqual([
      'city-bridge-2021-04-05',
      'city-mayor-2021-06-11',
    ]);
  });

  it('merges an entity curated in two sources by id, each fact keeping its source', () => {
    expect(ruiz?.sources).toEqual([
      'city-bridge-2021-04-05',
      'city-mayor-2021-06-11',
    ]);
    expect(
      ruiz?.facts.map((fact) => [fact.text, fact.evidence.source]),
    ).toEqual([
      ['Opened the Riverside Bridge.', 'city-bridge-2021-04-05'],
      ['Left the Harbor Party.', 'city-mayor-2021-06-11'],
    ]);
    expect(ruiz?.relations.map((relation) => relation.evidence.source)).toEqual(
      ['city-bridge-2021-04-05', 'city-mayor-2021-06-11'],
    );
  });

  it('takes the one-line description from the newest source and keeps the rest', () => {
    expect(ruiz?.description).toBe(
      'Mayor of the city, who left the Harbor Party in June 2021',
    );
    expect(ruiz?.name).toBe('Ana Ruiz');
    expect(ruiz?.summary).toBe(
      'Ana Ruiz is the mayor. She opened the Riverside Bridge.',
    );
  });

  it('checks evidence against its own source, not any source', () => {
    // The quote is in the first article, but the second curation cites it.
    const misattributed = {
      ...mayor,
      curationText: mayor.curationText.replace(
        'Ana Ruiz left the Harbor Party on Friday',
        'Mayor Ana Ruiz opened the Riverside Bridge',
      ),
    };
    expect(problemsOf([bridge, misattributed])).toContain(
      'quote not found in source "city-mayor-2021-06-11"',
    );
  });
});
