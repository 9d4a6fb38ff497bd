/**
 * Precision, recall and F1 of the built extension on the labelled corpus
 * (tests/e2e/pages/corpus/: real-looking news pages with gold labels as
 * `<span data-gold="entity-id">`), measured in real Chromium.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  FAMILIES,
  familyTotals,
  precisionOf,
  recallOf,
  type Span,
  score,
  type Totals,
} from './corpus-score';
import { openPage, useExtensionBrowser } from './support';

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

const fmt = (n: number) => n.toFixed(3);
const f1Of = (t: Totals) => {
  const p = precisionOf(t);
  const r = recallOf(t);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};
const CORPUS = 'tests/e2e/pages/corpus';

/**
 * The floors each split must stay above. They are regression guards set from
 * measured figures, below the targets (precision 0.98, recall 0.96, event
 * recall 0.90 on both splits), which the printed report compares against.
 */
const FLOORS = {
  dev: { precision: 0.95, recall: 0.91, eventRecall: 0.79 },
  heldout: { precision: 0.92, recall: 0.87, eventRecall: 0.7 },
} as const;

type Split = keyof typeof FLOORS;

describe('the labelled corpus', () => {
  const e2e = useExtensionBrowser();

  for (const split of ['dev', 'heldout'] as const satisfies readonly Split[]) {
    const pages = readdirSync(`${CORPUS}/${split}`)
      .filter((file) => file.endsWith('.html'))
      .sort();
    it(`${split}: links every real mention and nothing else (${pages.length} pages)`, async () => {
      assert.ok(pages.length >= 20, `the ${split} split has at least 20 pages`);
      const rows: string[] = [];
      const totals: Totals = { tp: 0, fp: 0, fn: 0 };
      const problems: string[] = [];
      const results: { gold: Span[]; found: Span[] }[] = [];
      let wrongReferent = 0;
      for (const file of pages) {
        const { page, errors } = await openPage(
          e2e,
          `/fixtures/corpus/${split}/${file}`,
        );
        const { gold, found, inForbidden } = await page.evaluate(collectSpans);
        results.push({ gold, found });
        const result = score(gold, found);
        totals.tp += result.tp;
        totals.fp += result.fp;
        totals.fn += result.fn;
        wrongReferent += result.wrongReferent.length;
        rows.push(
          `${file.padEnd(44)} gold ${String(gold.length).padStart(3)}  tp ${String(result.tp).padStart(3)}  fp ${String(result.fp).padStart(2)}  fn ${String(result.fn).padStart(2)}  P ${fmt(precisionOf(result))}  R ${fmt(recallOf(result))}  F1 ${fmt(f1Of(result))}`,
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
      const families = familyTotals(results);
      const familyRows = FAMILIES.map((family) => {
        const t = families.get(family)!;
        return `  ${family.padEnd(18)} gold ${String(t.tp + t.fn).padStart(4)}  P ${fmt(precisionOf(t))}  R ${fmt(recallOf(t))}`;
      });
      const eventRecall = recallOf(families.get('event')!);
      console.log(
        [
          '',
          `=== ${split} split ===`,
          ...rows,
          `${'TOTAL'.padEnd(44)} gold ${totals.tp + totals.fn}  tp ${totals.tp}  fp ${totals.fp}  fn ${totals.fn}  P ${fmt(precisionOf(totals))}  R ${fmt(recallOf(totals))}  F1 ${fmt(f1Of(totals))}`,
          `links to another referent (false positives off any gold of that entity): ${wrongReferent}`,
          'by family (recall over gold spans, precision over links):',
          ...familyRows,
          `targets: P >= 0.980, R >= 0.960, event R >= 0.900; floors for this test: P ${FLOORS[split].precision}, R ${FLOORS[split].recall}, event R ${FLOORS[split].eventRecall}`,
          ...problems.map((p) => `  ${p}`),
        ].join('\n'),
      );
      const floor = FLOORS[split];
      assert.ok(
        precisionOf(totals) >= floor.precision,
        `precision ${fmt(precisionOf(totals))} < ${floor.precision}`,
      );
      assert.ok(
        recallOf(totals) >= floor.recall,
        `recall ${fmt(recallOf(totals))} < ${floor.recall}`,
      );
      assert.ok(
        eventRecall >= floor.eventRecall,
        `event recall ${fmt(eventRecall)} < ${floor.eventRecall}`,
      );
    });
  }
});
