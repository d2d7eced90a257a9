import { parseSeedArgs, SeedArgsError } from './seed-args';

describe('parseSeedArgs', () => {
  it.each([
    [[], { reports: 0, noDemo: false }],
    [['--reports', '1000000'], { reports: 1_000_000, noDemo: false }],
    [['--reports=250'], { reports: 250, noDemo: false }],
    [['--no-demo'], { reports: 0, noDemo: true }],
    [['--no-demo', '--reports', '5'], { reports: 5, noDemo: true }],
  ])('%j → %j', (argv, expected) => {
    expect(parseSeedArgs(argv)).toEqual(expected);
  });

  it.each([[['--reports']], [['--reports', '-1']], [['--reports', '1e6']], [['--reports=abc']], [['--demo']], [['1000']]])(
    'refuses %j with the usage line',
    (argv) => {
      expect(() => parseSeedArgs(argv)).toThrow(SeedArgsError);
      expect(() => parseSeedArgs(argv)).toThrow(/usage: seed/);
    },
  );
});
