/**
 * How a Batcher decides to run what is waiting:
 * - `waitMs`: when `size` are waiting or `waitMs` after the first (throughput first);
 * - `inFlight`: at once while fewer than `inFlight` batches run, otherwise as soon as one of them
 *   ends, with everything that arrived meanwhile (latency first: nothing waits for a timer, and
 *   batches grow by themselves as load rises).
 */
export type BatcherOptions = { size: number; waitMs: number } | { size: number; inFlight: number };

/**
 * Gathers work items that arrive together (jobs picked up at the same moment) into batches;
 * each caller gets its own result. Lets a processor with high concurrency do one transaction
 * for many jobs.
 */
export class Batcher<I, O> {
  private pending: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private scheduled = false;
  private running = 0;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: BatcherOptions,
  ) {}

  add(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!('waitMs' in this.options)) this.schedule();
      else if (this.pending.length >= this.options.size) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.waitMs);
    });
  }

  /** In-flight mode: jobs handed over in the same turn of the event loop share a batch. */
  private schedule(): void {
    if (this.scheduled || !('inFlight' in this.options) || this.running >= this.options.inFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.pending.length > 0 && this.running < (this.options as { inFlight: number }).inFlight) this.flush();
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending.slice(0, this.options.size);
    this.pending = this.pending.slice(batch.length);
    if (batch.length === 0) return;
    this.running++;
    this.run(batch.map((b) => b.item))
      .then(
        (outputs) => batch.forEach((b, i) => b.resolve(outputs[i])),
        (err) => batch.forEach((b) => b.reject(err)),
      )
      .finally(() => {
        this.running--;
        if (this.pending.length > 0) this.schedule();
      });
  }
}
