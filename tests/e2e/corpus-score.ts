/**
 * Scoring for the labelled corpus: gold spans against Backstory's mentions,
 * by overlap, overall and per family of mention.
 */
import datasetJson from '../../data/dataset.json';

export type Span = {
  entity: string;
  start: number;
  end: number;
  text: string;
  context?: string;
};

export type Family =
  | 'person, full name'
  | 'person, one word'
  | 'organization'
  | 'place'
  | 'event';
export const FAMILIES: readonly Family[] = [
  'person, full name',
  'person, one word',
  'organization',
  'place',
  'event',
];

const KINDS = new Map(
  (datasetJson as { entities: { id: string; kind: string }[] }).entities.map(
    (e) => [e.id, e.kind],
  ),
);

/** The family of a span: its entity's kind, and for people whether more than one word names them. */
export function familyOf(span: Span): Family {
  const kind = KINDS.get(span.entity);
  if (kind === 'person')
    return /\S\s+\S/.test(span.text.trim()) || span.text.includes('@')
      ? 'person, full name'
      : 'person, one word';
  return (kind as Family | undefined) ?? 'organization';
}

export type Score = {
  tp: number;
  fp: number;
  fn: number;
  falsePositives: Span[];
  falseNegatives: Span[];
  /** False positives that sit on text gold gives to a different entity, or on a trap (no gold at all). */
  wrongReferent: Span[];
};

export function score(gold: readonly Span[], found: readonly Span[]): Score {
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  const matched = new Set<Span>();
  const falsePositives: Span[] = [];
  for (const span of found) {
    const hit = gold.find(
      (g) => !matched.has(g) && g.entity === span.entity && overlaps(g, span),
    );
    if (hit) matched.add(hit);
    else falsePositives.push(span);
  }
  const falseNegatives = gold.filter((g) => !matched.has(g));
  // A false positive inside gold of the same entity is a duplicate link (two
  // pieces of one mention), not a wrong referent.
  const wrongReferent = falsePositives.filter(
    (span) => !gold.some((g) => g.entity === span.entity && overlaps(g, span)),
  );
  return {
    tp: matched.size,
    fp: falsePositives.length,
    fn: falseNegatives.length,
    falsePositives,
    falseNegatives,
    wrongReferent,
  };
}

export type Totals = { tp: number; fp: number; fn: number };

export const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
export const precisionOf = (t: Totals) => ratio(t.tp, t.tp + t.fp);
export const recallOf = (t: Totals) => ratio(t.tp, t.tp + t.fn);

/** Per-family totals: recall from gold spans' families, precision from found spans' families. */
export function familyTotals(
  pages: readonly { gold: Span[]; found: Span[] }[],
): Map<Family, Totals> {
  const totals = new Map<Family, Totals>(
    FAMILIES.map((f) => [f, { tp: 0, fp: 0, fn: 0 }]),
  );
  for (const { gold, found } of pages) {
    const result = score(gold, found);
    const missed = new Set(result.falseNegatives);
    const wrong = new Set(result.falsePositives);
    for (const span of gold) {
      const t = totals.get(familyOf(span))!;
      if (missed.has(span)) t.fn += 1;
      else t.tp += 1;
    }
    for (const span of found)
      if (wrong.has(span)) totals.get(familyOf(span))!.fp += 1;
  }
  return totals;
}
