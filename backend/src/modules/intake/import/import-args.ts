import { IMPORT_FORMATS, ImportFormat } from './import-row';

export const IMPORT_USAGE = 'usage: import --format csv|open311 <file> [--dry-run] [--batch-size N] [--concurrency N]';

export interface ImportArgs {
  format: ImportFormat;
  file: string;
  dryRun: boolean;
  batchSize?: number;
  concurrency?: number;
}

export class ImportArgsError extends Error {}

const COUNT_OPTIONS = [
  ['--batch-size', 'batchSize'],
  ['--concurrency', 'concurrency'],
] as const;

/** `--format F` (or `--format=F`), one file, `--dry-run`, `--batch-size N`, `--concurrency N`; anything else is refused with the usage line. */
export function parseImportArgs(argv: string[]): ImportArgs {
  let format: string | undefined;
  let file: string | undefined;
  let dryRun = false;
  const counts: { batchSize?: number; concurrency?: number } = {};
  const fail = (why: string): never => {
    throw new ImportArgsError(`${why}\n${IMPORT_USAGE}`);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (name: string) => (arg === name ? argv[++i] : arg.slice(name.length + 1));
    const count = COUNT_OPTIONS.find(([flag]) => arg === flag || arg.startsWith(`${flag}=`));
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--format' || arg.startsWith('--format=')) format = value('--format');
    else if (count) {
      const [flag, key] = count;
      const v = value(flag);
      if (v === undefined || !/^[1-9]\d*$/.test(v)) fail(`${flag} needs a positive whole number, got "${v ?? ''}"`);
      counts[key] = Number(v);
    } else if (arg.startsWith('-')) fail(`unknown option "${arg}"`);
    else if (file === undefined) file = arg;
    else fail(`one file at a time, got "${file}" and "${arg}"`);
  }
  if (!format || !(IMPORT_FORMATS as readonly string[]).includes(format))
    fail(`--format must be ${IMPORT_FORMATS.join(' or ')}, got "${format ?? ''}"`);
  if (!file) fail('no file given');
  return { format: format as ImportFormat, file: file!, dryRun, ...counts };
}
