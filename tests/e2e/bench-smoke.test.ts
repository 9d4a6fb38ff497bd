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
import { runBench } from '../../scripts/bench/run';

describe('benchmark machinery (tiny page)', () => {
  it('measures a tiny page end to end and reports it', {
    timeout: 60_000,
  }, async () => {
    const bench = await runBench({
      sizes: [{ label: 'tiny', bytes: 4_000 }],
      runs: 1,
      markMaxBytes: 10_000,
      noMentionBytes: 3_000,
      appendBytes: 2_000,
      scalingAliasCounts: [60, 200],
      scalingTextBytes: 4_000,
      breakdownMinBytes: 0,
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
    assert.equal(bench.breakdown.length, 2, 'engine phases on both pages');
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
    JSON.stringify(bench); // Serializable, as written to latest.json.
  });
});
