/**
 * Runs `work` over `items` in slices of at most `budgetMs`, yielding to the
 * page between slices so no task of ours blocks input or rendering.
 * Returns the milliseconds spent in our own code (pauses excluded).
 */
export async function runInSlices<T>(
  items: readonly T[],
  work: (item: T) => void,
  options: {
    budgetMs: number;
    yieldToPage: () => Promise<void>;
    isCancelled: () => boolean;
    /** Runs synchronously right after each slice, before any microtask (observer callbacks included). */
    afterSlice?: () => void;
  },
): Promise<number> {
  let ownMs = 0;
  let index = 0;
  while (index < items.length) {
    if (options.isCancelled()) return ownMs;
    const sliceStart = performance.now();
    do {
      work(items[index]!);
      index += 1;
    } while (index < items.length && performance.now() - sliceStart < options.budgetMs);
    options.afterSlice?.();
    ownMs += performance.now() - sliceStart;
    if (index < items.length) await options.yieldToPage();
  }
  return ownMs;
}
