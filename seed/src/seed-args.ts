export const SEED_USAGE = 'usage: seed [--reports N] [--no-demo]';

export interface SeedArgs {
  reports: number;
  noDemo: boolean;
}

export class SeedArgsError extends Error {}

/** `--reports N` (or `--reports=N`) and `--no-demo`; anything else is refused with the usage line. */
export function parseSeedArgs(argv: string[]): SeedArgs {
  const args: SeedArgs = { reports: 0, noDemo: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-demo') {
      args.noDemo = true;
    } else if (arg === '--reports' || arg.startsWith('--reports=')) {
      const value = arg === '--reports' ? argv[++i] : arg.slice('--reports='.length);
      if (value === undefined || !/^\d+$/.test(value)) {
        throw new SeedArgsError(`--reports needs a whole number, got "${value ?? ''}"\n${SEED_USAGE}`);
      }
      args.reports = Number(value);
    } else {
      throw new SeedArgsError(`unknown argument "${arg}"\n${SEED_USAGE}`);
    }
  }
  return args;
}
