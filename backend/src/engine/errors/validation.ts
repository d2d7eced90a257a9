import { StandardSchemaValidationPipe } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { DomainException, FieldIssue } from './domain.exception';

type ZodLikeIssue = StandardSchemaV1.Issue & {
  code?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  keys?: string[];
  values?: unknown[];
};

function fieldOf(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? [])
    .map((p) => (typeof p === 'object' && p !== null && 'key' in p ? p.key : p))
    .map(String)
    .join('.');
}

const VI_TYPES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  boolean: 'true/false',
  object: 'đối tượng',
  array: 'danh sách',
};

/** The rule in Vietnamese, from the schema library's issue code; English comes from the library. */
export function vietnameseMessage(issue: ZodLikeIssue): string {
  const size = issue.origin === 'string' ? 'ký tự' : issue.origin === 'array' ? 'phần tử' : '';
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected ? `Sai kiểu dữ liệu: cần ${VI_TYPES[issue.expected] ?? issue.expected}` : 'Sai kiểu dữ liệu';
    case 'too_small':
      return issue.origin === 'number' ? `Giá trị phải từ ${issue.minimum} trở lên` : `Cần ít nhất ${issue.minimum} ${size}`.trim();
    case 'too_big':
      return issue.origin === 'number' ? `Giá trị không được vượt quá ${issue.maximum}` : `Không được quá ${issue.maximum} ${size}`.trim();
    case 'invalid_format':
      return issue.format === 'email'
        ? 'Địa chỉ email không hợp lệ'
        : issue.format === 'uuid'
          ? 'Mã định danh không hợp lệ'
          : 'Sai định dạng';
    case 'unrecognized_keys':
      return `Trường không được hỗ trợ: ${(issue.keys ?? []).join(', ')}`;
    case 'invalid_value':
      return `Giá trị không hợp lệ; chỉ nhận: ${(issue.values ?? []).map(String).join(', ')}`;
    case 'custom':
      return issue.message.includes('NUL')
        ? 'Không được chứa ký tự NUL'
        : issue.message.includes('phone')
          ? 'Số điện thoại Việt Nam không hợp lệ, ví dụ 0901234567'
          : 'Giá trị không hợp lệ';
    default:
      return 'Giá trị không hợp lệ';
  }
}

/** Turns schema issues into a 400 that names every offending field and the rule it broke, in English and Vietnamese. */
export function validationException(issues: readonly StandardSchemaV1.Issue[]): DomainException {
  const list: FieldIssue[] = issues.map((issue) => {
    const z = issue as ZodLikeIssue;
    const rule = z.code === 'invalid_format' && z.format ? z.format : (z.code ?? 'invalid');
    return { field: fieldOf(issue) || '(body)', rule, message: issue.message, messageVi: vietnameseMessage(z) };
  });
  const summary = list.map((i) => `${i.field}: ${i.message}`).join('; ');
  return new DomainException('validation', 'validation_failed', `Invalid request: ${summary}`, {
    messageVi: `Yêu cầu không hợp lệ: ${list.map((i) => `${i.field}: ${i.messageVi}`).join('; ')}`,
    issues: list,
  });
}

const NUL = '\u0000';

/**
 * Where the first NUL character sits in a request value (a string, or any key or string inside it),
 * as a schema path. PostgreSQL's text refuses NUL, so one left in any field (a login name, an
 * attribute's code or answer) would fail in the database as a 500 instead of a 400 naming it.
 */
export function findNul(value: unknown, path: PropertyKey[] = [], depth = 0): PropertyKey[] | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes(NUL)) return [...path, key.replaceAll(NUL, '\u2400')];
    const found = findNul(inner, [...path, Array.isArray(value) ? Number(key) : key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** The schema pipe, refusing NUL characters anywhere in a validated value before its schema runs. */
class TextSafeValidationPipe extends StandardSchemaValidationPipe {
  protected override validate<T = unknown>(value: unknown, schema: StandardSchemaV1, options?: Record<string, unknown>) {
    const at = findNul(value);
    if (at) {
      const issue = { code: 'custom', path: at, message: 'must not contain NUL characters' };
      return { issues: [issue] } as StandardSchemaV1.FailureResult;
    }
    return super.validate<T>(value, schema, options);
  }
}

export function createValidationPipe(): StandardSchemaValidationPipe {
  return new TextSafeValidationPipe({ exceptionFactory: validationException });
}
