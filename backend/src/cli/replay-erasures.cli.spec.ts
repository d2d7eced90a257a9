import { sinceArgument } from './replay-erasures.cli';

describe('replay-erasures --since', () => {
  it.each([
    [['--since', '2026-12-01T02:00:00+07:00'], '2026-11-30T19:00:00.000Z'],
    [['--since', '2026-12-01T02:00:00Z'], '2026-12-01T02:00:00.000Z'],
    [['--since', '2026-12-01'], '2026-12-01T00:00:00.000Z'],
  ])('reads %j', (args, iso) => {
    expect(sinceArgument(args).toISOString()).toBe(iso);
  });

  it.each([[[]], [['--since']], [['--since', 'yesterday']], [['--since', '2026-13-45']], [['2026-12-01']]])(
    'refuses %j, naming the flag',
    (args) => {
      expect(() => sinceArgument(args)).toThrow(/^--since: .*ISO 8601/);
    },
  );
});
