/**
 * Runs `work` over `items` (an array or a lazy iterator) in slices of at most `budgetMs`, yielding to the
 * page between slices so no task of ours blocks input or rendering.
 * Returns the milliseconds spent in our own code (pauses excluded).
 */
export async function runInSlices<T>(
  items: Iterable<T>,
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
  const iterator = items[Symbol.iterator]();
  let next = iterator.next();
  while (!next.done) {
    if (options.isCancelled()) return ownMs;
    const sliceStart = performance.now();
    do {
      work(next.value);
      next = iterator.next(); // Pulling may itself be work (a lazy DOM walk): it counts in the slice.
    } while (!next.done && performance.now() - sliceStart < options.budgetMs);
    options.afterSlice?.();
    ownMs += performance.now() - sliceStart;
    if (!next.done) await options.yieldToPage();
  }
  return ownMs;
}
