import { describe, expect, it } from 'vitest';
import { MentionMatcher, PageEvidence } from '../../lib/match-mentions';
import { TEST_DATASET } from '../helpers';

const matcher = new MentionMatcher(TEST_DATASET.entities);

/** A long-lived page: passes of segments, each resolved once, as the content script runs them. */
function runPasses(passes: string[][], compact: boolean) {
  const evidence = new PageEvidence();
  const resolved: string[][] = [];
  for (const pass of passes) {
    const scans = pass.map((text) => {
      const scan = matcher.scan(text);
      evidence.add(scan, text);
      return scan;
    });
    for (const scan of scans)
      resolved.push(
        matcher.resolve(scan, evidence).map((m) => `${m.entityId}@${m.start}`),
      );
    if (compact) evidence.keepOnlyLatestNames();
  }
  return { evidence, resolved };
}

const FEED = [
  ['Jeff Sessions spoke.', 'Sessions left early.'],
  ['Pete Sessions, a congressman, spoke.', 'Sessions said no.'],
  ['Donald Trump and Jeff Sessions met.', 'Trump and Sessions argued.'],
  ['Sessions again.', 'Pete Sessions again.', 'Then Sessions.'],
  ['Jeff Sessions, once more.', 'Sessions and Trump.'],
];

describe('PageEvidence.keepOnlyLatestNames', () => {
  it('links every later segment exactly as the full evidence would', () => {
    const { resolved } = runPasses(FEED, true);
    expect(resolved).toEqual(runPasses(FEED, false).resolved);
    // The feed exercises both outcomes: a bare "Sessions" after Pete Sessions is not Jeff.
    expect(resolved[1]).toEqual(['jeff-sessions@0']);
    expect(resolved[3]).toEqual([]);
  });

  it('keeps one full name per surname, however long the page grows', () => {
    const long = Array.from({ length: 200 }, (_, i) => FEED[i % FEED.length]!);
    const full = runPasses(long, false).evidence;
    const kept = runPasses(long, true).evidence;
    // Without it, the list of a surname grows with every full name on the page.
    expect(
      Math.max(...[...full.names.values()].map((l) => l.length)),
    ).toBeGreaterThanOrEqual(200);
    for (const list of kept.names.values()) expect(list.length).toBe(1);
    expect([...kept.names.keys()]).toEqual([...full.names.keys()]);
    expect(kept.nameCounts).toEqual(full.nameCounts);
  });
});
