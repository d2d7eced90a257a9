import { Semaphore } from './semaphore';

describe('Semaphore', () => {
  it('lets `concurrency` through, queues up to the limit, refuses the rest at once', async () => {
    const s = new Semaphore(2, 1);
    const r1 = await s.tryAcquire();
    const r2 = await s.tryAcquire();
    const third = s.tryAcquire();
    expect(third).not.toBeNull();
    expect(s.tryAcquire()).toBeNull();
    expect([s.inUse, s.queued]).toEqual([2, 1]);

    let thirdIn = false;
    void third!.then(() => (thirdIn = true));
    await Promise.resolve();
    expect(thirdIn).toBe(false);
    r1!();
    const r3 = await third!;
    expect(thirdIn).toBe(true);
    expect([s.inUse, s.queued]).toEqual([2, 0]);
    r2!();
    r3();
    expect([s.inUse, s.queued]).toEqual([0, 0]);
  });

  it('ignores a second release of the same slot', async () => {
    const s = new Semaphore(1, 0);
    const release = await s.tryAcquire();
    release!();
    release!();
    expect(s.inUse).toBe(0);
    const again = await s.tryAcquire();
    expect(s.inUse).toBe(1);
    expect(s.tryAcquire()).toBeNull();
    again!();
  });

  it.each([
    [1, 0, 1],
    [1, 3, 4],
    [4, 8, 12],
  ])('with concurrency %i and queue %i takes %i requests before refusing', (concurrency, queue, taken) => {
    const s = new Semaphore(concurrency, queue);
    const answers = Array.from({ length: taken + 5 }, () => s.tryAcquire());
    expect(answers.filter((a) => a !== null)).toHaveLength(taken);
  });
});
