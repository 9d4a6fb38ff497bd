import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const filter = process.argv[3] ?? 'chrome-extension';
const nodes = new Map<number, any>(p.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: any) =>
  `${n.callFrame.functionName || '(anon)'} ${(n.callFrame.url ?? '').replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const total = new Map<string, number>();
let ours = 0,
  all = 0;
p.samples.forEach((id: number, i: number) => {
  const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
  let n = nodes.get(id);
  all += dt;
  // is any frame ours?
  let m = n,
    isOurs = false;
  while (m) {
    if ((m.callFrame.url ?? '').includes(filter)) {
      isOurs = true;
      break;
    }
    m = nodes.get(parent.get(m.id)!);
  }
  if (!isOurs) return;
  ours += dt;
  self.set(label(n), (self.get(label(n)) ?? 0) + dt);
  const seen = new Set<string>();
  while (n) {
    const l = label(n);
    if (!seen.has(l)) {
      total.set(l, (total.get(l) ?? 0) + dt);
      seen.add(l);
    }
    n = nodes.get(parent.get(n.id)!);
  }
});
const top = (m: Map<string, number>, k = 40) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([l, v]) => `${v.toFixed(2).padStart(8)}  ${l}`)
    .join('\n');
console.log('ours ms', ours.toFixed(1), 'all', all.toFixed(1));
console.log('--- self');
console.log(top(self, Number(process.argv[4] ?? 30)));
console.log('--- total');
console.log(top(total, Number(process.argv[5] ?? 70)));
