/**
 * Waits for a condition on the running system (a worker routing a report, a notification sent):
 * polls `fn` every 250 ms until it answers something truthy, and fails after `ms` (a bound on
 * the wait, never a figure the test asserts).
 */
export async function until<T>(fn: () => Promise<T | undefined | null | false>, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 250));
  }
}
