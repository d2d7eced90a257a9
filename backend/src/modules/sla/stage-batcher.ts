import type { FireOutcome, StageRef } from './sla.service';

/**
 * Gathers stage firings that arrive together (timers due at the same instant) into batches,
 * flushed when `size` are waiting or `waitMs` after the first; each caller gets its own outcome.
 */
export class StageBatcher {
  private pending: { ref: StageRef; resolve: (o: FireOutcome) => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly fireMany: (refs: StageRef[]) => Promise<FireOutcome[]>,
    private readonly size = 500,
    private readonly waitMs = 10,
  ) {}

  fire(ref: StageRef): Promise<FireOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ ref, resolve, reject });
      if (this.pending.length >= this.size) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.waitMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.fireMany(batch.map((b) => b.ref)).then(
      (outcomes) => batch.forEach((b, i) => b.resolve(outcomes[i])),
      (err) => batch.forEach((b) => b.reject(err)),
    );
  }
}
