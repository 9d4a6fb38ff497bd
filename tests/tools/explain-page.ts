/**
 * Explains the matcher's decisions on one page, in Node (happy-dom parses the
 * page; the same segment walk and matcher as the content script):
 *
 *   npx tsx tests/tools/explain-page.ts tests/e2e/pages/corpus/dev/01-….html [filter]
 *
 * Prints every candidate with its signals, score and decision. A debugging
 * aid for tuning on the dev split; never used by tests.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import datasetJson from '../../data/dataset.json';
import type { Dataset } from '../../data/dataset-schema';
import { iterateSegments } from '../../entrypoints/content/annotate-dom';
import {
  MentionMatcher,
  PageEvidence,
  type SegmentScan,
} from '../../lib/match-mentions';
import { joinPieces } from '../../lib/segment-text';

const [file, filter] = process.argv.slice(2);
const window = new Window();
const document = window.document;
document.write(readFileSync(file!, 'utf8'));
Object.assign(globalThis, { Node: window.Node, NodeFilter: window.NodeFilter });
const matcher = new MentionMatcher((datasetJson as Dataset).entities);
const evidence = new PageEvidence();
const scans: { scan: SegmentScan; text: string; evidenceOnly: boolean }[] = [];
for (const segment of iterateSegments(
  document.body as unknown as Node,
  new WeakSet(),
)) {
  const text = joinPieces(segment.map((node) => node.data)).text;
  const scan = matcher.scan(text);
  evidence.add(scan, text);
  scans.push({ scan, text, evidenceOnly: segment.evidenceOnly === true });
}
console.log(
  'named:',
  [...evidence.named].map(([id, n]) => `${id}=${n}`).join(', '),
);
console.log(
  'off-topic:',
  evidence.offTopicDomain(),
  [...evidence.offTopic].map(([d, w]) => `${d}:${[...w].join('/')}`).join(' '),
);
console.log(
  'states:',
  [...evidence.states].map(([s, c]) => `${s}×${c}`).join(' '),
);
for (const { scan, text, evidenceOnly } of scans) {
  const linked = evidenceOnly ? [] : matcher.resolve(scan, evidence);
  for (const candidate of scan.candidates) {
    const span = text.slice(candidate.start, candidate.end);
    if (
      filter &&
      !span.includes(filter) &&
      !candidate.alias.entityId.includes(filter)
    )
      continue;
    const mention = linked.find(
      (m) => m.start === candidate.start && m.end === candidate.end,
    );
    const detail = (matcher as unknown as { explain?: unknown }).explain;
    void detail;
    console.log(
      `${mention ? 'LINK' : evidenceOnly ? 'EVID' : 'skip'} ${candidate.alias.entityId} "${span}" [${candidate.alias.form}] ${candidate.frame ? JSON.stringify(candidate.frame.verdict) : ''} | ${text.slice(Math.max(0, candidate.start - 40), candidate.end + 40).replace(/\s+/g, ' ')}`,
    );
    console.log(
      `     ${JSON.stringify(matcher.explain(candidate, scan, evidence))}`,
    );
  }
}
