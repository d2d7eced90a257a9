import { StageBatcher } from './stage-batcher';
import type { FireOutcome, StageRef } from './sla.service';

const ref = (i: number): StageRef => ({ clockId: String(i), stage: 'warn50' });

describe('StageBatcher', () => {
  it('gathers concurrent firings into batches of at most `size` and answers each caller', async () => {
    const batches: StageRef[][] = [];
    const batcher = new StageBatcher(
      async (refs) => {
        batches.push(refs);
        return refs.map((r) => (r.clockId.endsWith('7') ? 'already_fired' : 'fired') as FireOutcome);
      },
      4,
      5,
    );
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => batcher.fire(ref(i))));
    expect(batches.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(outcomes[7]).toBe('already_fired');
    expect(outcomes.filter((o) => o === 'fired')).toHaveLength(9);
  });

  it('passes a failure to every caller of the batch', async () => {
    const batcher = new StageBatcher(
      async () => {
        throw new Error('database down');
      },
      10,
      1,
    );
    await expect(Promise.all([batcher.fire(ref(1)), batcher.fire(ref(2))])).rejects.toThrow('database down');
  });
});
