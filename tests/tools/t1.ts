import datasetJson from '../../data/dataset.json';
import { MentionMatcher, findMentions } from '../../lib/match-mentions';
const m = new MentionMatcher((datasetJson as any).entities);
for (const t of process.argv.slice(2)) {
  const s = m.scan(t);
  console.log(
    JSON.stringify(
      s.candidates.map((c) => [
        t.slice(c.start, c.end),
        c.alias.entityId,
        c.alias.form,
      ]),
    ),
    JSON.stringify(s.names),
  );
  console.log(
    findMentions(m, t)
      .map((x) => `${t.slice(x.start, x.end)}→${x.entityId}`)
      .join(' | '),
  );
}
