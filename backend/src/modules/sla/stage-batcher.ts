import { Batcher } from '../../engine/queue/batcher';
import type { FireOutcome, StageRef } from './sla.service';

/** Stage firings gathered into batches of up to 500 (see Batcher). */
export class StageBatcher {
  private readonly batcher: Batcher<StageRef, FireOutcome>;

  constructor(fireMany: (refs: StageRef[]) => Promise<FireOutcome[]>, size = 500, waitMs = 10) {
    this.batcher = new Batcher(fireMany, { size, waitMs });
  }

  fire(ref: StageRef): Promise<FireOutcome> {
    return this.batcher.add(ref);
  }
}
