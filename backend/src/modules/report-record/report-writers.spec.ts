import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * A report's data has one owner: only the files of modules/report-record hold SQL that writes
 * `report` or `report_event`; everyone else calls its service or composes its fragments
 * (report-record.sql.ts). Tests may write fixtures directly; the demo seed may not.
 */
const REPO = join(__dirname, '..', '..', '..', '..');
const TREES = ['backend/src', 'seed/src'];
const OWNER = `backend/src/modules/report-record/`;
const WRITE =
  /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?|COPY|MERGE\s+INTO)\s+(?:ONLY\s+)?(?:"?public"?\.)?"?report(?:_event)?\b(?!")(?!_)/g;
// Unit (*.spec.ts) and integration (*.int-spec.ts) specs write fixtures of their own.
const TEST_FILE = /[.-](?:spec|test)\.[cm]?[jt]s$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.[cm]?[jt]s$/.test(e.name) && !TEST_FILE.test(e.name) ? [path] : [];
  });
}

/** Every SQL write of report or report_event in the trees, as `path:line: statement head`. */
function reportWrites(): string[] {
  return TREES.flatMap((tree) => sourceFiles(join(REPO, tree))).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const path = relative(REPO, file).split(sep).join('/');
    return [...text.matchAll(WRITE)].map((m) => `${path}:${text.slice(0, m.index).split('\n').length}: ${m[0].replace(/\s+/g, ' ')}`);
  });
}

describe('writers of a report', () => {
  it('recognises the writes it looks for', () => {
    const found = (sql: string) => [...sql.matchAll(WRITE)].length > 0;
    expect(found('UPDATE report SET status = $2')).toBe(true);
    expect(found('UPDATE report r SET x = 1')).toBe(true);
    expect(found('INSERT INTO report_event (report_id) VALUES ($1)')).toBe(true);
    expect(found('INSERT INTO report (code) SELECT 1')).toBe(true);
    expect(found('WITH u AS (UPDATE report SET follower_count = 1)')).toBe(true);
    expect(found('UPDATE report_caller SET note = $2')).toBe(false);
    expect(found('INSERT INTO report_rating (report_id) VALUES ($1)')).toBe(false);
    expect(found('SELECT * FROM report r JOIN report_event e ON true')).toBe(false);
  });

  it('finds the owner module writing them', () => {
    expect(reportWrites().filter((w) => w.startsWith(OWNER)).length).toBeGreaterThan(5);
  });

  it('has no writer of report or report_event outside modules/report-record', () => {
    expect(reportWrites().filter((w) => !w.startsWith(OWNER))).toEqual([]);
  });
});
