import { describe, expect, it } from 'vitest';
import datasetJson from '../../data/dataset.json';
import { parseDataset } from '../../data/dataset-schema';
import {
  explainReason,
  relatedChips,
  timelineFor,
} from '../../components/entity-relations';
import type { MentionReason } from '../../lib/match-mentions';

const dataset = parseDataset(datasetJson);
const entity = (id: string) => dataset.entities.find((e) => e.id === id)!;

describe('relatedChips', () => {
  it('lists each related entity once, outgoing relations first, incoming ones worded from this side', () => {
    const chips = relatedChips(entity('tommy-tuberville'), dataset);
    const trump = chips.find((chip) => chip.entityId === 'donald-trump');
    expect(trump?.labels).toContain('Endorsed by');
    expect(new Set(chips.map((chip) => chip.entityId)).size).toBe(chips.length);
    expect(chips.some((chip) => chip.entityId === 'tommy-tuberville')).toBe(
      false,
    );
  });
});

describe('timelineFor', () => {
  it('orders the dated events an entity is part of, oldest first', () => {
    const entries = timelineFor(entity('jeff-sessions'), dataset);
    const ids = entries.map((entry) => entry.entityId);
    expect(ids.indexOf('alabama-senate-primary-2020')).toBeLessThan(
      ids.indexOf('alabama-senate-runoff-2020'),
    );
    expect(
      entries.every(
        (entry, i) => i === 0 || entries[i - 1]!.entityId !== entry.entityId,
      ),
    ).toBe(true);
  });

  it('marks the event itself in its own timeline', () => {
    expect(
      timelineFor(entity('alabama-senate-runoff-2020'), dataset).find(
        (entry) => entry.isSelf,
      )?.entityId,
    ).toBe('alabama-senate-runoff-2020');
  });
});

describe('explainReason', () => {
  it.each<[string, MentionReason, string | null]>([
    [
      'a full name',
      { signals: [{ name: 'full-name', text: 'it is a full name' }] },
      'Linked because it is a full name.',
    ],
    [
      'two signals',
      {
        signals: [
          {
            name: 'named-on-page',
            text: '“Jeff Sessions” appears on this page',
          },
          {
            name: 'related-on-page',
            text: 'the page names “Tommy Tuberville”',
          },
        ],
      },
      'Linked because “Jeff Sessions” appears on this page; and the page names “Tommy Tuberville”.',
    ],
    [
      'three or more signals',
      {
        signals: [
          { name: 'phrase-names-it', text: 'the phrase names July 14' },
          { name: 'related-on-page', text: 'the page names “Jeff Sessions”' },
          { name: 'topics-on-page', text: 'the page mentions runoff' },
          { name: 'context-words', text: 'its sentence says “runoff”' },
        ],
      },
      'Linked because the phrase names July 14; the page names “Jeff Sessions”; and the page mentions runoff.',
    ],
    // Never "Linked because this page ." (an empty reason): no signal, no sentence.
    ['no signal', { signals: [] }, null],
  ])('explains %s', (_name, reason, text) => {
    expect(explainReason(reason)).toBe(text);
  });
});
