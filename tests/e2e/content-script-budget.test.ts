/**
 * The content script runs on every page, so what it ships and sets up is a
 * budget (docs/benchmarks.md, "What the numbers say"). This keeps the
 * mistakes that cost the most from coming back unnoticed: a value import of
 * zod (lib/settings.ts, lib/messages.ts, data/ids.ts: use settings-lite.ts,
 * content-requests.ts, id-rules.ts) or of WXT's storage module (`#imports`,
 * or an identifier named `storage` that WXT's import scan resolves to it),
 * and a value import that pulls the on-demand part (matcher, dataset, card
 * UI: entrypoints/content/on-demand.ts) back into the script every page loads
 * (use `import type` outside on-demand.ts, and reach it through page-engine.ts).
 * Reads the built files: run after `npm run build` and `npm run build:firefox`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv2'];
/** Gzipped bytes the content script may not pass: the target (19.2 KB today). */
const GZIP_BUDGET = 40_000;

describe('the content script bundle', () => {
  for (const build of BUILDS) {
    const code = readFileSync(`${build}/content-scripts/content.js`);
    const text = code.toString('utf8');

    it(`${build}: has no zod and no WXT storage module`, () => {
      assert.doesNotMatch(text, /\$ZodType|\$ZodObject/, 'zod is bundled');
      assert.doesNotMatch(text, /wxt\/storage/, 'WXT storage is bundled');
    });

    it(`${build}: has no dataset and no card styles (they load on demand)`, () => {
      // assert.ok, not match: a failed match would print (and diff) the whole 180 KB file.
      const part = readFileSync(
        `${build}/content-scripts/on-demand.js`,
        'utf8',
      );
      // An entity id and a field of the dataset: neither is a prefilter word.
      const hasDataset = (code: string) =>
        code.includes('mueller-investigation') && code.includes('evidence');
      const hasCardUi = (code: string) => code.includes('.bs-card');
      assert.ok(!hasDataset(text), 'the dataset is bundled');
      assert.ok(!hasCardUi(text), 'the card UI is bundled');
      assert.ok(hasDataset(part), 'the on-demand part has the dataset');
      assert.ok(hasCardUi(part), 'the on-demand part has the card UI');
    });

    it(`${build}: stays within ${GZIP_BUDGET / 1000} KB gzipped`, () => {
      const gzipped = gzipSync(code, { level: 9 }).length;
      assert.ok(gzipped <= GZIP_BUDGET, `${gzipped} bytes gzipped`);
    });
  }
});
