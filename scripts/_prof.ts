import { readFileSync } from 'node:fs';
import datasetJson from '../data/dataset.json';
import type { Dataset } from '../data/dataset-schema';
import { MentionMatcher, PageEvidence } from '../lib/match-mentions';
import { textSegments } from './bench/html-text';
const html = readFileSync(process.argv[2]!, 'utf8');
const segs = textSegments(html);
const m = new MentionMatcher((datasetJson as Dataset).entities);
for (let round = 0; round < 5; round++) {
  const t = performance.now();
  const ev = new PageEvidence();
  const scans = segs.map((s) => {
    const sc = m.scan(s);
    ev.add(sc, s);
    return sc;
  });
  const t2 = performance.now();
  let n = 0;
  for (const sc of scans) n += m.resolve(sc, ev).length;
  console.log(
    `scan ${(t2 - t).toFixed(1)} resolve ${(performance.now() - t2).toFixed(1)} mentions ${n} segs ${segs.length}`,
  );
}
