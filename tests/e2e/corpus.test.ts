/**
 * Precision, recall and F1 of the built extension on the labelled corpus
 * (tests/e2e/pages/corpus/: real-looking news pages with gold labels as
 * `<span data-gold="entity-id">`), measured in real Chromium.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { openPage, useExtensionBrowser } from './support';

type Span = {
  entity: string;
  start: number;
  end: number;
  text: string;
  context?: string;
};

/** Runs in the page: gold spans and Backstory's mentions as offsets into the body's text. */
function collectSpans(): { gold: Span[]; found: Span[]; inForbidden: number } {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let offset = 0;
  let text = '';
  const gold = new Map<Element, Span>();
  const found: Span[] = [];
  let lastMention = null as { element: Element; span: Span } | null;
  for (
    let node = walker.nextNode() as Text | null;
    node;
    node = walker.nextNode() as Text | null
  ) {
    const start = offset;
    offset += node.data.length;
    text += node.data;
    const goldElement = node.parentElement?.closest('[data-gold]');
    if (goldElement) {
      const span = gold.get(goldElement) ?? {
        entity: goldElement.getAttribute('data-gold')!,
        start,
        end: offset,
        text: '',
      };
      span.end = offset;
      gold.set(goldElement, span);
    }
    const mention = node.parentElement?.closest('backstory-mention');
    if (mention && mention !== lastMention?.element) {
      const entity: string = mention.getAttribute('data-backstory-entity')!;
      // Pieces of one name split by markup ("Jeff <b>Sessions</b>") share a group: one mention.
      const group = mention.getAttribute('data-backstory-group');
      if (
        lastMention &&
        group !== null &&
        lastMention.element.getAttribute('data-backstory-group') === group
      ) {
        lastMention.span.end = offset;
        lastMention.element = mention;
      } else {
        const span: Span = { entity, start, end: offset, text: '' };
        found.push(span);
        lastMention = { element: mention, span };
      }
    } else if (mention) {
      lastMention!.span.end = offset;
    }
  }
  for (const span of [...gold.values(), ...found]) {
    span.text = text.slice(span.start, span.end).replace(/\s+/g, ' ');
    span.context = text
      .slice(Math.max(0, span.start - 40), span.end + 40)
      .replace(/\s+/g, ' ');
  }
  const inForbidden = document.querySelectorAll(
    'textarea backstory-mention, code backstory-mention, pre backstory-mention, [contenteditable] backstory-mention, [role="textbox"] backstory-mention, nav backstory-mention',
  ).length;
  return { gold: [...gold.values()], found, inForbidden };
}

function score(gold: Span[], found: Span[]) {
  const overlaps = (a: Span, b: Span) =>
    a.entity === b.entity && a.start < b.end && b.start < a.end;
  const matched = new Set<Span>();
  const falsePositives: Span[] = [];
  for (const span of found) {
    const hit = gold.find((g) => !matched.has(g) && overlaps(g, span));
    if (hit) matched.add(hit);
    else falsePositives.push(span);
  }
  const falseNegatives = gold.filter((g) => !matched.has(g));
  return {
    tp: matched.size,
    fp: falsePositives.length,
    fn: falseNegatives.length,
    falsePositives,
    falseNegatives,
  };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const fmt = (n: number) => n.toFixed(3);

const PAGES = readdirSync('tests/e2e/pages/corpus')
  .filter((file) => file.endsWith('.html'))
  .sort();

describe('the labelled corpus', () => {
  const e2e = useExtensionBrowser();

  it(`links every real mention and nothing else (${PAGES.length} pages)`, async () => {
    assert.ok(PAGES.length >= 8, 'the corpus has at least 8 pages');
    const rows: string[] = [];
    const totals = { tp: 0, fp: 0, fn: 0 };
    const problems: string[] = [];
    for (const file of PAGES) {
      const { page, errors } = await openPage(e2e, `/fixtures/corpus/${file}`);
      const { gold, found, inForbidden } = await page.evaluate(collectSpans);
      const result = score(gold, found);
      totals.tp += result.tp;
      totals.fp += result.fp;
      totals.fn += result.fn;
      const precision = ratio(result.tp, result.tp + result.fp);
      const recall = ratio(result.tp, result.tp + result.fn);
      const f1 =
        precision + recall === 0
          ? 0
          : (2 * precision * recall) / (precision + recall);
      rows.push(
        `${file.padEnd(42)} gold ${String(gold.length).padStart(3)}  tp ${String(result.tp).padStart(3)}  fp ${String(result.fp).padStart(2)}  fn ${String(result.fn).padStart(2)}  P ${fmt(precision)}  R ${fmt(recall)}  F1 ${fmt(f1)}`,
      );
      for (const span of result.falsePositives)
        problems.push(
          `${file}: FP ${span.entity} "${span.text}" in "${span.context}"`,
        );
      for (const span of result.falseNegatives)
        problems.push(
          `${file}: FN ${span.entity} "${span.text}" in "${span.context}"`,
        );
      assert.equal(
        inForbidden,
        0,
        `${file}: links inside form fields, code, editable regions or navigation`,
      );
      assert.deepEqual(errors, [], `${file}: page errors`);
      await page.close();
    }
    const precision = ratio(totals.tp, totals.tp + totals.fp);
    const recall = ratio(totals.tp, totals.tp + totals.fn);
    const f1 = (2 * precision * recall) / (precision + recall);
    console.log(
      [
        '',
        ...rows,
        `${'TOTAL'.padEnd(42)} gold ${totals.tp + totals.fn}  tp ${totals.tp}  fp ${totals.fp}  fn ${totals.fn}  P ${fmt(precision)}  R ${fmt(recall)}  F1 ${fmt(f1)}`,
        ...problems.map((p) => `  ${p}`),
      ].join('\n'),
    );
    assert.ok(precision >= 0.97, `precision ${fmt(precision)} < 0.97`);
    assert.ok(recall >= 0.95, `recall ${fmt(recall)} < 0.95`);
  });
});
