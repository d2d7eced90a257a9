/**
 * Gathers work items that arrive together (jobs picked up at the same moment) into batches,
 * flushed when `size` are waiting or `waitMs` after the first; each caller gets its own result.
 * Lets a processor with high concurrency do one transaction for many jobs.
 */
export class Batcher<I, O> {
  private pending: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly size: number,
    private readonly waitMs: number,
  ) {}

  add(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
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
    this.run(batch.map((b) => b.item)).then(
      (outputs) => batch.forEach((b, i) => b.resolve(outputs[i])),
      (err) => batch.forEach((b) => b.reject(err)),
    );
  }
}
