import { readEventPhrase } from '../../lib/event-frames';
const t = process.argv[2]!;
const w = process.argv[3]!;
const i = t.indexOf(w);
console.log(JSON.stringify(readEventPhrase(t, i, i + w.length, [])));
