/**
 * Summarizes a V8 CPU profile (.cpuprofile, from node --cpu-prof or CDP
 * Profiler.stop): self time per function, heaviest first. Pure.
 */
export type CpuProfile = {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

export type SelfTime = {
  name: string;
  where: string;
  ms: number;
  share: number;
};

export function selfTimes(
  profile: CpuProfile,
  filter: (where: string) => boolean = () => true,
): SelfTime[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, { name: string; where: string; us: number }>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[i + 1] ?? 0;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*\/(?=[^/]+$)/, '');
    const where = url ? `${file}:${lineNumber + 1}` : '';
    if (!filter(where)) return;
    const name = functionName || '(anonymous)';
    const key = `${name}@${where}`;
    const entry = totals.get(key) ?? { name, where, us: 0 };
    entry.us += delta;
    totals.set(key, entry);
    all += delta;
  });
  return [...totals.values()]
    .sort((a, b) => b.us - a.us)
    .map((entry) => ({
      name: entry.name,
      where: entry.where,
      ms: entry.us / 1000,
      share: all ? entry.us / all : 0,
    }));
}
