import { describe, expect, it } from 'vitest';
import { throttle } from './throttle';

/** A hand-driven clock: timers fire only when the test moves time on. */
function fakeClock() {
  let now = 0;
  let nextHandle = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback: () => void, ms: number) {
      const handle = nextHandle++;
      timers.set(handle, { at: now + ms, callback });
      return handle;
    },
    clearTimeout(handle: unknown) {
      timers.delete(handle as number);
    },
    advance(ms: number) {
      now += ms;
      for (const [handle, timer] of [...timers].sort(([, a], [, b]) => a.at - b.at)) {
        if (timer.at > now) continue;
        timers.delete(handle);
        timer.callback();
      }
    },
    pending: () => timers.size,
  };
}

describe('throttle', () => {
  it('lets the first call through at once and folds later ones into one trailing call', () => {
    const clock = fakeClock();
    const calls: [number, string][] = [];
    const throttled = throttle((value: string) => calls.push([clock.now(), value]), 100, clock);

    throttled('a');
    expect(calls).toEqual([[0, 'a']]);
    clock.advance(10);
    throttled('b');
    clock.advance(10);
    throttled('c');
    expect(calls).toEqual([[0, 'a']]);
    expect(clock.pending()).toBe(1);
    clock.advance(80);
    expect(calls).toEqual([
      [0, 'a'],
      [100, 'c'],
    ]);
    clock.advance(500);
    expect(calls).toHaveLength(2);
  });

  it('calls at once again after a quiet interval', () => {
    const clock = fakeClock();
    const calls: number[] = [];
    const throttled = throttle(() => calls.push(clock.now()), 100, clock);
    throttled();
    clock.advance(150);
    throttled();
    expect(calls).toEqual([0, 150]);
    expect(clock.pending()).toBe(0);
  });

  it('drops the trailing call on cancel', () => {
    const clock = fakeClock();
    const calls: string[] = [];
    const throttled = throttle((value: string) => calls.push(value), 100, clock);
    throttled('a');
    throttled('b');
    throttled.cancel();
    expect(clock.pending()).toBe(0);
    clock.advance(200);
    expect(calls).toEqual(['a']);
  });
});
