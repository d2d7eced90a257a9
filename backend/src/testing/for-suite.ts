/**
 * What a suite shares (a scratch database, an in-process app): opened before its first test and
 * closed after its last. The answer reads it inside hooks and tests; a hook declared after this
 * call sees it open, and an afterAll declared after it runs once it is closed.
 */
export function forSuite<T>(open: () => Promise<T>, close: (opened: T) => Promise<unknown>, timeoutMs?: number): () => T {
  let opened: T | undefined;
  beforeAll(async () => {
    opened = await open();
  }, timeoutMs);
  afterAll(async () => {
    if (opened !== undefined) await close(opened);
  });
  return () => {
    if (opened === undefined) throw new Error('forSuite: read before the suite opened it');
    return opened;
  };
}
