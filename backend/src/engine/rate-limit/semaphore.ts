/**
 * At most `concurrency` holders at once and at most `queueLimit` waiting; past that, tryAcquire
 * answers null at once so the caller can refuse instead of piling up work it cannot finish.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly concurrency: number,
    readonly queueLimit: number,
  ) {}

  get inUse(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** A release function once a slot is free, or null when the queue is full. */
  tryAcquire(): Promise<() => void> | null {
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queueLimit) return null;
    return new Promise((resolve) => this.waiting.push(() => resolve(this.releaser())));
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so `active` stays the same.
      if (next) next();
      else this.active--;
    };
  }
}
