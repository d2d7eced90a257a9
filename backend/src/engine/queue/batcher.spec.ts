import { Batcher } from './batcher';

/** A batch runner whose batches end only when the test says so. */
function gate() {
  const batches: number[][] = [];
  const open: (() => void)[] = [];
  const run = (items: number[]) => {
    batches.push(items);
    return new Promise<number[]>((resolve) => open.push(() => resolve(items.map((i) => i * 10))));
  };
  return { batches, run, release: () => open.shift()!() };
}

/** Lets the promise callbacks and the batcher's own setImmediate run. */
const tick = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
};

describe('Batcher', () => {
  it('with a timer: runs when `size` are waiting or the wait is over', async () => {
    // The wait is counted on a fake clock: on a busy machine 20 real ms can pass before a tick.
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    try {
      const g = gate();
      const batcher = new Batcher(g.run, { size: 3, waitMs: 20 });
      const answers = [1, 2, 3, 4].map((i) => batcher.add(i));
      expect(g.batches).toEqual([[1, 2, 3]]);
      jest.advanceTimersByTime(19);
      await tick();
      expect(g.batches).toHaveLength(1);
      jest.advanceTimersByTime(1);
      await tick();
      expect(g.batches).toEqual([[1, 2, 3], [4]]);
      g.release();
      g.release();
      expect(await Promise.all(answers)).toEqual([10, 20, 30, 40]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('in flight: runs at once, then gathers what arrives while the batches run', async () => {
    const g = gate();
    const batcher = new Batcher(g.run, { size: 100, inFlight: 1 });
    const first = batcher.add(1);
    await tick();
    expect(g.batches).toEqual([[1]]);
    const later = [2, 3, 4].map((i) => batcher.add(i));
    await tick();
    expect(g.batches).toHaveLength(1);
    g.release();
    expect(await first).toBe(10);
    await tick();
    expect(g.batches).toEqual([[1], [2, 3, 4]]);
    g.release();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
  });

  it('in flight: never more than `size` in a batch, never more than `inFlight` batches at once', async () => {
    const g = gate();
    const batcher = new Batcher(g.run, { size: 2, inFlight: 2 });
    const answers = [1, 2, 3, 4, 5, 6, 7].map((i) => batcher.add(i));
    await tick();
    expect(g.batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    g.release();
    await tick();
    expect(g.batches).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    g.release();
    g.release();
    await tick();
    expect(g.batches.at(-1)).toEqual([7]);
    g.release();
    expect(await Promise.all(answers)).toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it('passes a failure to every caller of the batch', async () => {
    const batcher = new Batcher<number, number>(
      async () => {
        throw new Error('database down');
      },
      { size: 10, inFlight: 1 },
    );
    await expect(Promise.all([batcher.add(1), batcher.add(2)])).rejects.toThrow('database down');
  });
});
