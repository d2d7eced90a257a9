import { clockFor } from './clock.module';
import { clockOffsetKey, ControllableClock, parseClockOffset, ShiftedClock, systemClock } from './clock';
import { itMapsEach } from '../../testing/table';

describe('the clock', () => {
  it('a controllable clock stands still until set or advanced', () => {
    const clock = new ControllableClock('2026-02-13T09:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-02-13T09:00:00.000Z');
    clock.advance(90 * 60_000);
    expect(clock.now().toISOString()).toBe('2026-02-13T10:30:00.000Z');
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('a shifted clock is the system time plus its offset', () => {
    const clock = new ShiftedClock();
    clock.offsetMs = 86_400_000;
    const shifted = clock.now().getTime() - systemClock.now().getTime();
    expect(shifted).toBeGreaterThan(86_400_000 - 1000);
    expect(shifted).toBeLessThanOrEqual(86_400_000);
  });

  it.each([
    ['production', 'system'],
    ['test', 'shifted'],
    ['development', 'shifted'],
  ] as const)('in %s the clock is the %s clock', (env, kind) => {
    const clock = clockFor({ env });
    expect(kind === 'system' ? clock === systemClock : clock instanceof ShiftedClock).toBe(true);
  });

  it('without a configuration the clock is never shifted', () => {
    expect(clockFor(undefined)).toBe(systemClock);
  });

  itMapsEach('the stored offset %p means %i ms', parseClockOffset, [
    [null, 0],
    ['3600000', 3_600_000],
    ['-60000', -60_000],
    ['1.5', 0],
    ['soon', 0],
    ['', 0],
  ]);

  it('the offset key is scoped like the queues', () => {
    expect(clockOffsetKey('{hcmc1022test}')).toBe('{hcmc1022test}:clock-offset-ms');
  });
});
