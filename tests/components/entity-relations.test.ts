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
  it.each<[MentionReason, string]>([
    [{ type: 'name' }, 'Linked by its full name.'],
    [
      { type: 'named-on-page', name: 'Jeff Sessions' },
      'Linked because “Jeff Sessions” appears on this page.',
    ],
    [
      {
        type: 'context',
        related: ['Tommy Tuberville', 'Alabama'],
        topics: ['runoff'],
      },
      'Linked because this page names “Tommy Tuberville” and “Alabama” and mentions runoff.',
    ],
  ])('explains %o', (reason, text) => {
    expect(explainReason(reason)).toBe(text);
  });
});
