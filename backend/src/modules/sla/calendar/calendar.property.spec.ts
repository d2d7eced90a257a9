import fc from 'fast-check';
import { hcmc, hcmcCalendar, HOUR } from './calendar.fixtures';
import { lunarToSolar, solarToLunar } from './lunar-calendar';
import { dueAt, elapsedMs, remainingMs, SlaClock, SlaMode, SlaTransition, stageInstants } from './sla-clock';
import { isoDate } from './zoned-time';

const calendar = hcmcCalendar();
const RUNS = { numRuns: 300 };

// Instants across the preloaded years, at any millisecond, plus amounts up to 300 business hours.
const FROM = hcmc('2024-12-01 00:00').getTime();
const TO = hcmc('2027-12-31 00:00').getTime();
const instant = fc.integer({ min: FROM, max: TO }).map((t) => new Date(t));
const amount = fc.oneof(fc.integer({ min: 0, max: 300 * HOUR }), fc.constantFrom(0, 1, 30 * 60_000, 4 * HOUR, 8 * HOUR, 40 * HOUR));
const mode = fc.constantFrom<SlaMode>('business', 'calendar');

const measure = (m: SlaMode, a: Date, b: Date) => (m === 'business' ? calendar.businessMsBetween(a, b) : b.getTime() - a.getTime());
const sorted = (...ts: number[]) => [...ts].sort((a, b) => a - b).map((t) => new Date(t));

describe('business calendar properties (fast-check)', () => {
  it('addBusinessMs is monotonic in the start', () => {
    fc.assert(
      fc.property(instant, instant, amount, (a, b, ms) => {
        const [s1, s2] = a <= b ? [a, b] : [b, a];
        expect(calendar.addBusinessMs(s1, ms).getTime()).toBeLessThanOrEqual(calendar.addBusinessMs(s2, ms).getTime());
      }),
      RUNS,
    );
  });

  it('addBusinessMs is monotonic in the amount', () => {
    fc.assert(
      fc.property(instant, amount, amount, (start, a, b) => {
        const [m1, m2] = a <= b ? [a, b] : [b, a];
        expect(calendar.addBusinessMs(start, m1).getTime()).toBeLessThanOrEqual(calendar.addBusinessMs(start, m2).getTime());
      }),
      RUNS,
    );
  });

  it('businessMsBetween(start, addBusinessMs(start, ms)) === ms', () => {
    fc.assert(
      fc.property(instant, amount, (start, ms) => {
        expect(calendar.businessMsBetween(start, calendar.addBusinessMs(start, ms))).toBe(ms);
      }),
      RUNS,
    );
  });

  it('the answer is the start itself or lies in working time (a range’s closing instant included)', () => {
    fc.assert(
      fc.property(instant, amount, (start, ms) => {
        const due = calendar.addBusinessMs(start, ms);
        const inWorkingTime = calendar.isWorking(due) || calendar.isWorking(new Date(due.getTime() - 1));
        expect(ms === 0 ? due.getTime() === start.getTime() : inWorkingTime).toBe(true);
      }),
      RUNS,
    );
  });

  it('businessMsBetween is additive and never exceeds wall time', () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = sorted(x.getTime(), y.getTime(), z.getTime());
        const ab = calendar.businessMsBetween(a, b);
        expect(ab + calendar.businessMsBetween(b, c)).toBe(calendar.businessMsBetween(a, c));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(b.getTime() - a.getTime());
      }),
      RUNS,
    );
  });

  it('nextWorkingInstant is working, not earlier, and skips no working time', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const next = calendar.nextWorkingInstant(t);
        expect(calendar.isWorking(next)).toBe(true);
        expect(next.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(calendar.businessMsBetween(t, next)).toBe(0);
      }),
      RUNS,
    );
  });
});

describe('SLA clock properties (fast-check)', () => {
  // A clock started at s, optionally paused at p and resumed at q (s ≤ p ≤ q), evaluated at now ≥ q;
  // the gaps are up to ten days (fast-check biases them towards small and edge values).
  const gap = fc.integer({ min: 0, max: 10 * 24 * HOUR });
  const scenario = fc.record({
    mode,
    target: fc.integer({ min: 0, max: 120 * HOUR }),
    times: fc.tuple(fc.integer({ min: FROM, max: TO }), gap, gap, gap).map(([s, a, b, c]) => sorted(s, s + a, s + a + b, s + a + b + c)),
  });
  const withPause = (m: SlaMode, target: number, s: Date, p?: Date, q?: Date): SlaClock => {
    const transitions: SlaTransition[] = [{ type: 'start', at: s }];
    if (p) transitions.push({ type: 'pause', at: p });
    if (q) transitions.push({ type: 'resume', at: q });
    return { mode: m, targetMs: target, transitions };
  };

  it('paused time never counts: a pause/resume pair removes exactly the paused time, and nothing accrues while paused', () => {
    fc.assert(
      fc.property(scenario, ({ mode: m, target, times: [s, p, q, now] }) => {
        const plain = withPause(m, target, s);
        const paused = withPause(m, target, s, p, q);
        const withoutPause = elapsedMs(plain, now, calendar);
        const withPauseElapsed = elapsedMs(paused, now, calendar);
        expect(withPauseElapsed).toBeLessThanOrEqual(withoutPause);
        expect(withoutPause - withPauseElapsed).toBe(measure(m, p, q));
        expect(elapsedMs(paused, q, calendar)).toBe(elapsedMs(paused, p, calendar));
      }),
      RUNS,
    );
  });

  it('resuming never shortens what is left, and what is left never grows while running', () => {
    fc.assert(
      fc.property(scenario, ({ mode: m, target, times: [s, p, q, now] }) => {
        const c = withPause(m, target, s, p, q);
        expect(remainingMs(c, q, calendar)).toBe(remainingMs(c, p, calendar));
        expect(remainingMs(c, now, calendar)).toBeLessThanOrEqual(remainingMs(c, q, calendar));
        expect(remainingMs(c, p, calendar)).toBeLessThanOrEqual(remainingMs(c, s, calendar));
      }),
      RUNS,
    );
  });

  it('dueAt after a pause moves later by exactly the paused (business) time', () => {
    fc.assert(
      fc.property(scenario, ({ mode: m, target, times: [s, p, q] }) => {
        const before = dueAt(withPause(m, target, s), calendar)!;
        fc.pre(p.getTime() < before.getTime()); // paused before the breach (a pause at the breach instant changes nothing)
        const after = dueAt(withPause(m, target, s, p, q), calendar)!;
        expect(after.getTime()).toBeGreaterThanOrEqual(before.getTime());
        expect(measure(m, before, after)).toBe(measure(m, p, q));
        if (m === 'calendar') expect(after.getTime() - before.getTime()).toBe(q.getTime() - p.getTime());
      }),
      RUNS,
    );
  });

  it('stage instants are in order, the last is dueAt, and each is where elapsed reaches its share', () => {
    fc.assert(
      fc.property(scenario, ({ mode: m, target, times: [s, p, q] }) => {
        const c = withPause(m, target, s, p, q);
        const stages = stageInstants(c, calendar).map((x) => x.at!);
        for (let i = 1; i < stages.length; i++) expect(stages[i].getTime()).toBeGreaterThanOrEqual(stages[i - 1].getTime());
        expect(stages.at(-1)!.toISOString()).toBe(dueAt(c, calendar)!.toISOString());
        expect(elapsedMs(c, stages[0], calendar)).toBe(Math.round(0.5 * target));
      }),
      RUNS,
    );
  });
});

describe('lunar calendar properties (fast-check)', () => {
  const DAY_2000 = Date.UTC(2000, 0, 1) / 86_400_000;
  const DAY_2100 = Date.UTC(2100, 11, 31) / 86_400_000;

  it('solar → lunar → solar round-trips over 2000–2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: DAY_2000, max: DAY_2100 }), (day) => {
        const date = isoDate(day);
        const lunar = solarToLunar(date);
        expect(lunar.day).toBeGreaterThanOrEqual(1);
        expect(lunar.day).toBeLessThanOrEqual(30);
        expect(lunarToSolar(lunar)).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });

  it('consecutive solar days are consecutive lunar days (or day 1 of the next month after day 29/30)', () => {
    fc.assert(
      fc.property(fc.integer({ min: DAY_2000, max: DAY_2100 - 1 }), (day) => {
        const a = solarToLunar(isoDate(day));
        const b = solarToLunar(isoDate(day + 1));
        if (b.day === 1) expect([29, 30]).toContain(a.day);
        else expect([b.day, b.month, b.year, b.leap]).toEqual([a.day + 1, a.month, a.year, a.leap]);
      }),
      { numRuns: 2000 },
    );
  });
});
