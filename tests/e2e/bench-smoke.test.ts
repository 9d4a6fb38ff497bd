/**
 * The benchmark's machinery still works: one tiny generated page through every
 * measurement (extension run with the timing contract, appended articles,
 * floor, mark.js, findAndReplaceDOMText, engine phases, alias scaling) and the
 * report. Checks shapes, not speed: the benchmark itself is `npm run bench`.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  markdownReport,
  targets,
  textReport,
} from '../../scripts/bench/report';
import { CHROME_BUILD_DIR } from '../../scripts/launch-browser';
import { REAL_PAGES } from '../../scripts/bench/real-pages';
import { runBench } from '../../scripts/bench/run';

describe('benchmark machinery (tiny page)', () => {
  it('measures a tiny page end to end and reports it', {
    timeout: 180_000,
  }, async () => {
    const bench = await runBench({
      sizes: [{ label: 'tiny', bytes: 4_000 }],
      runs: 1,
      markMaxBytes: 10_000,
      noMentionBytes: 3_000,
      appendBytes: 2_000,
      scalingAliasCounts: [60, 200],
      scalingTextBytes: 4_000,
      // One realistic page without names and one with, tiny; the build itself as the baseline.
      realPages: [
        {
          ...REAL_PAGES.find((spec) => !spec.mentions.length)!,
          textBytes: 2_000,
        },
        {
          ...REAL_PAGES.find((spec) => spec.mentions.length > 1)!,
          textBytes: 2_000,
        },
      ],
      startupRuns: 1,
      baselineDir: CHROME_BUILD_DIR,
      outDir: '.output/bench-smoke',
      log: () => {},
    });
    const [tiny] = bench.pages;
    assert.ok(tiny, 'one page measured');
    assert.ok(
      tiny.page.planted > 0 && (tiny.ours.mentions ?? 0) > 0,
      `mentions found: ${tiny.ours.mentions} of ${tiny.page.planted}`,
    );
    assert.ok(
      (tiny.ours.scriptMs ?? -1) >= 0 && (tiny.ours.wallMs ?? -1) >= 0,
      'timing contract read',
    );
    assert.ok(
      tiny.ours.viewportDoneMs !== null,
      'first-viewport mentions timed',
    );
    for (const contender of [
      'floor',
      'markRegExp',
      'mark',
      'findAndReplaceDOMText',
    ] as const) {
      assert.equal(
        typeof tiny.contenders[contender].ms,
        'number',
        `${contender} ran`,
      );
      assert.ok(
        (tiny.contenders[contender].found ?? 0) > 0,
        `${contender} found something`,
      );
    }
    assert.ok(tiny.heapGrowthBytes !== null, 'heap measured');
    assert.equal(
      bench.noMentions.ours.mentions,
      0,
      'no mention on the page without mentions',
    );
    assert.equal(bench.append.length, 1);
    assert.ok(
      (bench.append[0]!.mentions ?? 0) > 0 && bench.append[0]!.lastMs !== null,
      'appended articles annotated',
    );
    assert.ok(
      tiny.ours.phases && tiny.ours.engineMs !== null,
      'phases read from the timing contract',
    );
    assert.ok(
      tiny.baseline && tiny.baseline.scriptMs !== null,
      'baseline build measured beside ours',
    );
    assert.equal(
      bench.startup.length,
      2,
      'start-up traced on both realistic pages',
    );
    for (const entry of bench.startup) {
      assert.ok(
        (entry.ours.evaluateMs ?? 0) > 0,
        `${entry.label}: evaluation found in the trace`,
      );
      assert.ok(
        (entry.ours.oursMs ?? 0) >= (entry.ours.evaluateMs ?? 0),
        `${entry.label}: our tasks include the evaluation`,
      );
      assert.ok(
        entry.baseline && (entry.baseline.evaluateMs ?? 0) > 0,
        `${entry.label}: baseline traced`,
      );
    }
    assert.equal(
      bench.startup[0]!.ours.mentions,
      0,
      'no mention on the page without names',
    );
    assert.ok(
      (bench.startup[1]!.ours.mentions ?? 0) > 0,
      'mentions on the page with names',
    );
    assert.deepEqual(
      bench.scaling.results.map((entry) => entry.aliases),
      [60, 200],
    );
    assert.ok(bench.bundle.gzipBytes > 0);
    assert.ok(existsSync('.output/bench-smoke/pages/news-0.html'));
    const list = targets(bench);
    assert.ok(
      list.length > 5 && list.every((entry) => entry.measured.length > 0),
    );
    assert.match(textReport(bench), /Targets/);
    assert.match(markdownReport(bench), /\| tiny \|/);
    assert.match(markdownReport(bench), /Before → after/);
    assert.match(markdownReport(bench), /Start-up on realistic pages/);
    JSON.stringify(bench); // Serializable, as written to latest.json.
  });
});
