import { ImportArgsError, parseImportArgs } from './import-args';

describe('parseImportArgs', () => {
  it.each([
    [['--format', 'csv', 'a.csv'], { format: 'csv', file: 'a.csv', dryRun: false }],
    [['--format=open311', 'a.json', '--dry-run'], { format: 'open311', file: 'a.json', dryRun: true }],
    [
      ['a.csv', '--format', 'csv', '--batch-size', '500', '--concurrency=1'],
      { format: 'csv', file: 'a.csv', dryRun: false, batchSize: 500, concurrency: 1 },
    ],
  ])('reads %j', (argv, expected) => {
    expect(parseImportArgs(argv)).toEqual(expected);
  });

  it.each([
    [[], /--format must be/],
    [['--format', 'xml', 'a.xml'], /--format must be csv or open311, got "xml"/],
    [['--format', 'csv'], /no file given/],
    [['--format', 'csv', 'a.csv', 'b.csv'], /one file at a time/],
    [['--format', 'csv', 'a.csv', '--batch-size', '0'], /--batch-size needs a positive whole number/],
    [['--format', 'csv', 'a.csv', '--concurrency'], /--concurrency needs a positive whole number/],
    [['--format', 'csv', 'a.csv', '--force'], /unknown option "--force"/],
  ])('refuses %j with the usage line', (argv, message) => {
    expect(() => parseImportArgs(argv)).toThrow(ImportArgsError);
    expect(() => parseImportArgs(argv)).toThrow(message);
    expect(() => parseImportArgs(argv)).toThrow(/usage: import --format csv\|open311/);
  });
});
