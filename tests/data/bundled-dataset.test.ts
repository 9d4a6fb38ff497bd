import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset, type Entity } from '../../data/dataset-schema';
import { buildDatasetJson } from '../../scripts/build-dataset';

const committed = readFileSync('data/dataset.json', 'utf8');
const dataset = parseDataset(JSON.parse(committed));
const byId = new Map(dataset.entities.map((entity) => [entity.id, entity]));

/** sha256 of the article as handed over (shared/source/article.txt). */
const ARTICLE_SHA256 =
  '9ae8b26146654115161d0d5de0ea0a0aeddbbe07460e117cc848c488af314d61';

const REQUIRED: Record<Entity['kind'], string[]> = {
  person: [
    'donald-trump',
    'jeff-sessions',
    'robert-mueller',
    'tommy-tuberville',
    'doug-jones',
    'nancy-pelosi',
    'chuck-schumer',
  ],
  organization: [
    'republican-party',
    'democratic-party',
    'cygnal',
    'new-york-magazine',
    'auburn-university',
  ],
  place: ['alabama', 'russia', 'china'],
  event: [
    'alabama-senate-runoff-2020',
    'alabama-senate-primary-2020',
    'alabama-senate-election-2020',
    'mueller-investigation',
    'sessions-recusal',
    'trump-impeachment',
    'obamagate',
  ],
};

describe('the bundled dataset', () => {
  it('is fresh: rebuilding data/ gives the committed bytes (run `npm run dataset` if not)', () => {
    expect(buildDatasetJson()).toBe(committed);
  });

  it('records the article, its curated date, and no invented outlet', () => {
    expect(dataset.sources).toEqual([
      expect.objectContaining({
        id: 'trump-sessions-2020-05-23',
        title:
          "Donald Trump Slams Jeff Sessions: 'You Should Drop Out Of The Race'",
        date: '2020-05-23',
        dateCurated: true,
      }),
    ]);
    expect(dataset.sources[0]).not.toHaveProperty('outlet');
  });

  it('keeps the source article verbatim (byte for byte the article as received)', () => {
    const article = readFileSync(`data/${dataset.sources[0]!.file}`);
    expect(createHash('sha256').update(article).digest('hex')).toBe(
      ARTICLE_SHA256,
    );
  });

  it.each(
    Object.entries(REQUIRED).flatMap(([kind, ids]) =>
      ids.map((id) => ({ id, kind })),
    ),
  )('has $kind $id', ({ id, kind }) => {
    expect(byId.get(id)?.kind).toBe(kind);
  });

  it('gives every person at least two facts with evidence', () => {
    for (const entity of dataset.entities.filter((e) => e.kind === 'person')) {
      expect(entity.facts.length, entity.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives every event a date and participants that exist', () => {
    for (const entity of dataset.entities) {
      if (entity.kind !== 'event') continue;
      expect(entity.date.start, entity.id).toMatch(/^\d{4}-\d{2}/);
      expect(entity.participants.length, entity.id).toBeGreaterThan(0);
      for (const id of entity.participants)
        expect(byId.has(id), `${entity.id} → ${id}`).toBe(true);
    }
  });

  it('states the relations the article reports', () => {
    const has = (from: string, type: string, to: string) =>
      byId
        .get(from)
        ?.relations.some(
          (relation) => relation.type === type && relation.target === to,
        );
    expect(has('donald-trump', 'endorsed', 'tommy-tuberville')).toBe(true);
    expect(has('donald-trump', 'criticized', 'jeff-sessions')).toBe(true);
    expect(has('jeff-sessions', 'recused-from', 'mueller-investigation')).toBe(
      true,
    );
    expect(has('jeff-sessions', 'opponent', 'tommy-tuberville')).toBe(true);
    expect(has('doug-jones', 'voted-for', 'trump-impeachment')).toBe(true);
    expect(
      has('cygnal', 'polled', 'alabama-senate-runoff-2020') ||
        has('cygnal', 'polled', 'tommy-tuberville'),
    ).toBe(true);
  });

  it('marks full names safe and bare surnames as needing context', () => {
    const alias = (id: string, text: string) =>
      byId.get(id)?.aliases.find((a) => a.text === text);
    expect(alias('jeff-sessions', 'Jeff Sessions')?.safety).toBe('safe');
    expect(alias('jeff-sessions', 'Sessions')?.safety).toBe('context');
    expect(alias('doug-jones', '@DougJones')?.safety).toBe('context');
    expect(alias('nancy-pelosi', 'Crazy Nancy Pelosi')?.safety).toBe('context');
  });
});
