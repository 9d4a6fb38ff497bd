import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runInSlices } from '../../../entrypoints/content/run-in-slices';

/** A clock the work advances by hand: each item "costs" its value in ms. */
let now = 0;

function setUp(budgetMs: number, cancelAfterYields = Infinity) {
  const log: string[] = [];
  let yields = 0;
  const options = {
    budgetMs,
    yieldToPage: async () => {
      yields += 1;
      log.push('yield');
      now += 1000; // Time the page spends between our slices is not ours.
    },
    isCancelled: () => yields >= cancelAfterYields,
    afterSlice: () => log.push('after-slice'),
  };
  const work = (ms: number) => {
    log.push(`work ${ms}`);
    now += ms;
  };
  return { log, options, work };
}

describe('runInSlices', () => {
  beforeEach(() => {
    now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
  });
  afterEach(() => vi.restoreAllMocks());

  it.each([
    // [budget, item costs, expected log]
    [
      8,
      [3, 3, 3, 3],
      [
        'work 3',
        'work 3',
        'work 3',
        'after-slice',
        'yield',
        'work 3',
        'after-slice',
      ],
    ],
    [8, [20, 1], ['work 20', 'after-slice', 'yield', 'work 1', 'after-slice']],
    [100, [1, 2, 3], ['work 1', 'work 2', 'work 3', 'after-slice']],
    [0, [1, 1], ['work 1', 'after-slice', 'yield', 'work 1', 'after-slice']],
    [8, [], []],
  ])(
    'budget %i ms over items costing %j: slices end once the budget is spent, yield between slices only',
    async (budget, costs, expected) => {
      const { log, options, work } = setUp(budget);
      await runInSlices(costs, work, options);
      expect(log).toEqual(expected);
    },
  );

  it('returns the time spent in our own code, not the pauses between slices', async () => {
    const { options, work } = setUp(8);
    const ownMs = await runInSlices([5, 5, 5], work, options);
    expect(ownMs).toBe(15);
    expect(now).toBe(15 + 1000); // Two slices (5 + 5, then 5), one pause.
  });

  it('stops before the next slice once cancelled', async () => {
    const { log, options, work } = setUp(4, 1);
    await runInSlices([5, 5, 5], work, options);
    expect(log).toEqual(['work 5', 'after-slice', 'yield']);
  });

  it('pulls a lazy iterator inside the slice, so pulling counts as work', async () => {
    const { log, options, work } = setUp(8);
    function* lazy() {
      for (const cost of [2, 2, 2]) {
        now += 3; // Walking the DOM to find the next item.
        log.push('pull');
        yield cost;
      }
    }
    const ownMs = await runInSlices(lazy(), work, options);
    expect(log).toEqual([
      'pull',
      'work 2',
      'pull',
      'work 2',
      'pull', // 3 + 2 + 3 + 2 + 3: over budget, so this slice ends here.
      'after-slice',
      'yield',
      'work 2',
      'after-slice',
    ]);
    // The first pull comes before the first slice starts; the others count.
    expect(ownMs).toBe(2 + 3 + 2 + 3 + 2);
  });
});
