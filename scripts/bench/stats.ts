/** Small statistics and formatting helpers for the benchmark. Pure. */

export function median(values: readonly number[]): number | null {
  const sorted = values
    .filter((value) => Number.isFinite(value))
    .sort((a, b) => a - b);
  if (!sorted.length) return null;
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? sorted[middle]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median of one field over runs, ignoring runs where it is null. */
export function medianOf<T>(
  runs: readonly T[],
  pick: (run: T) => number | null | undefined,
): number | null {
  return median(
    runs
      .map(pick)
      .filter((value): value is number => typeof value === 'number'),
  );
}

export function ratio(
  numerator: number | null,
  denominator: number | null,
): number | null {
  if (numerator === null || denominator === null || denominator <= 0)
    return null;
  return numerator / denominator;
}

/** Milliseconds for tables: one decimal below 10, whole numbers above. */
export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return value < 10
    ? value.toFixed(1)
    : Math.round(value).toLocaleString('en-US');
}

export function times(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return value < 10
    ? `${value.toFixed(2)}x`
    : `${Math.round(value).toLocaleString('en-US')}x`;
}

export function count(value: number | null | undefined): string {
  return value === null || value === undefined
    ? '–'
    : Math.round(value).toLocaleString('en-US');
}

export function megabytes(bytes: number | null | undefined): string {
  return bytes === null || bytes === undefined
    ? '–'
    : `${(bytes / 1e6).toFixed(1)} MB`;
}

export function kilobytes(bytes: number): string {
  return bytes >= 1e6
    ? `${(bytes / 1e6).toFixed(2)} MB`
    : `${(bytes / 1e3).toFixed(1)} KB`;
}

/** A plain-text table with aligned columns (first column left, the rest right). */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((cell, i) =>
    Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) =>
        i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!),
      )
      .join('  ');
  return [
    line(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

/** The same table as GitHub markdown. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (row: readonly string[]) =>
    `| ${row.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [
    line(header),
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
