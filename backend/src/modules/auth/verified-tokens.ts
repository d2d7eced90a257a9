/**
 * Access tokens verified lately, each until it expires. A leader's map asks for dozens of tiles
 * with one token, and checking its signature again for each costs more CPU (~0.1 ms) than
 * everything else the guard does; a token that verified once verifies again until its expiry.
 * Bounded: past `capacity` tokens the oldest goes first. Plain TypeScript: no Nest.
 */
export class VerifiedTokens<T> {
  private readonly entries = new Map<string, { value: T; expiresAtMs: number }>();

  constructor(private readonly capacity: number) {}

  get(token: string, nowMs: number): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAtMs > nowMs) return entry.value;
    this.entries.delete(token);
    return undefined;
  }

  set(token: string, value: T, expiresAtMs: number): void {
    if (this.entries.size >= this.capacity && !this.entries.has(token)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { value, expiresAtMs });
  }
}
