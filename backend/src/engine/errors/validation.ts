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
      return issue.format === 'email' ? 'Địa chỉ email không hợp lệ' : issue.format === 'uuid' ? 'Mã định danh không hợp lệ' : 'Sai định dạng';
    case 'unrecognized_keys':
      return `Trường không được hỗ trợ: ${(issue.keys ?? []).join(', ')}`;
    case 'invalid_value':
      return `Giá trị không hợp lệ; chỉ nhận: ${(issue.values ?? []).map(String).join(', ')}`;
    case 'custom':
      return issue.message.includes('NUL') ? 'Không được chứa ký tự NUL' : issue.message.includes('phone') ? 'Số điện thoại Việt Nam không hợp lệ, ví dụ 0901234567' : 'Giá trị không hợp lệ';
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

export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({ exceptionFactory: validationException });
}
