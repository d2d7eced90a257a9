import { parse } from 'csv-parse/sync';
import { USER_ROLES, UserRole } from '../users/app-user.entity';
import { isValidUsername, usernameKey } from '../users/username-key';
import type { ImportProblem } from './staff.dto';
import { unitRuleBroken } from './staff-rules';

/** The header a staff CSV file starts with; `unit_code` is a handling unit's code (UBND-26743, SO-XAYDUNG). */
export const IMPORT_COLUMNS = ['username', 'full_name', 'role', 'unit_code', 'email', 'phone'] as const;
// Each account costs an argon2 hash (~50 ms of a worker thread): 500 rows stay within seconds.
export const MAX_IMPORT_ROWS = 500;

export interface ImportedAccount {
  line: number;
  username: string;
  fullName: string;
  role: UserRole;
  unitId: string | null;
  email: string | null;
  phone: string | null;
}

export interface ImportContext {
  /** Username keys that already have an account. */
  taken: ReadonlySet<string>;
  /** Active units by code. */
  units: ReadonlyMap<string, { id: string; kind: string }>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 .-]{8,20}$/;

const problem = (line: number, field: string, rule: string, message: string, messageVi: string): ImportProblem => ({
  line,
  field,
  rule,
  message,
  messageVi,
});

/**
 * Reads a staff CSV and checks every row against the same rules as the admin form, plus the
 * file's own duplicates; every problem is listed (a dry run shows them all at once). Plain
 * TypeScript: the caller supplies what the database knows (taken usernames, units).
 */
export function checkStaffCsv(csv: string, ctx: ImportContext): { accounts: ImportedAccount[]; problems: ImportProblem[] } {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    return {
      accounts: [],
      problems: [
        problem(
          0,
          'csv',
          'unreadable',
          `The file is not readable CSV: ${(error as Error).message}`,
          'Tệp không đọc được theo định dạng CSV',
        ),
      ],
    };
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const missing = IMPORT_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    return {
      accounts: [],
      problems: [
        problem(
          1,
          'csv',
          'header',
          `The first line must name the columns; missing: ${missing.join(', ')}`,
          `Dòng đầu phải là tên cột; thiếu: ${missing.join(', ')}`,
        ),
      ],
    };
  const rows = records.slice(1);
  if (rows.length === 0)
    return { accounts: [], problems: [problem(2, 'csv', 'empty', 'The file has no rows', 'Tệp không có dòng dữ liệu nào')] };
  if (rows.length > MAX_IMPORT_ROWS)
    return {
      accounts: [],
      problems: [
        problem(
          MAX_IMPORT_ROWS + 2,
          'csv',
          'too_many',
          `At most ${MAX_IMPORT_ROWS} rows per file`,
          `Tối đa ${MAX_IMPORT_ROWS} dòng mỗi tệp`,
        ),
      ],
    };

  const col = (row: string[], name: (typeof IMPORT_COLUMNS)[number]) => (row[header.indexOf(name)] ?? '').trim();
  const seen = new Map<string, number>();
  const accounts: ImportedAccount[] = [];
  const problems: ImportProblem[] = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    const before = problems.length;
    if (row.some((cell) => cell.includes('\u0000'))) problems.push(problem(line, 'csv', 'nul', 'A NUL character', 'Có ký tự NUL'));
    const username = usernameKey(col(row, 'username'));
    if (!isValidUsername(username)) {
      problems.push(
        problem(
          line,
          'username',
          'format',
          'username: 3–64 of a–z, 0–9, dot, underscore, hyphen',
          'Tên đăng nhập: 3–64 ký tự a–z, 0–9, dấu chấm, gạch dưới, gạch ngang',
        ),
      );
    } else if (ctx.taken.has(username)) {
      problems.push(problem(line, 'username', 'unique', `${username} already has an account`, `${username} đã có tài khoản`));
    } else if (seen.has(username)) {
      problems.push(
        problem(
          line,
          'username',
          'duplicate',
          `${username} is also on line ${seen.get(username)}`,
          `${username} trùng với dòng ${seen.get(username)}`,
        ),
      );
    } else {
      seen.set(username, line);
    }
    const fullName = col(row, 'full_name');
    if (fullName.length < 2 || fullName.length > 200)
      problems.push(problem(line, 'full_name', 'length', 'Full name: 2–200 characters', 'Họ tên: 2–200 ký tự'));
    const role = col(row, 'role') as UserRole;
    const roleKnown = USER_ROLES.includes(role);
    if (!roleKnown)
      problems.push(problem(line, 'role', 'enum', `Role: one of ${USER_ROLES.join(', ')}`, `Vai trò: một trong ${USER_ROLES.join(', ')}`));
    const code = col(row, 'unit_code');
    const unit = code ? ctx.units.get(code.toUpperCase()) : undefined;
    if (code && !unit) problems.push(problem(line, 'unit_code', 'unknown_unit', `No active unit ${code}`, `Không có đơn vị ${code}`));
    else if (roleKnown) {
      const broken = unitRuleBroken(role, unit?.kind ?? null);
      if (broken)
        problems.push(
          problem(
            line,
            'unit_code',
            broken,
            `The unit does not suit the role ${role} (${broken})`,
            `Đơn vị không phù hợp với vai trò ${role}`,
          ),
        );
    }
    const email = col(row, 'email');
    if (email && (!EMAIL.test(email) || email.length > 200))
      problems.push(problem(line, 'email', 'email', 'Not an e-mail address', 'Địa chỉ email không hợp lệ'));
    const phone = col(row, 'phone');
    if (phone && !PHONE.test(phone)) problems.push(problem(line, 'phone', 'phone', 'Not a phone number', 'Số điện thoại không hợp lệ'));
    if (problems.length === before)
      accounts.push({ line, username, fullName, role, unitId: unit?.id ?? null, email: email || null, phone: phone || null });
  });
  return { accounts, problems };
}
