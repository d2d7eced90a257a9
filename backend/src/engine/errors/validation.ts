import { StandardSchemaValidationPipe } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { DomainException, FieldIssue } from './domain.exception';

function fieldOf(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? [])
    .map((p) => (typeof p === 'object' && p !== null && 'key' in p ? p.key : p))
    .map(String)
    .join('.');
}

/** Turns schema issues into a 400 that names every offending field and the rule it broke. */
export function validationException(issues: readonly StandardSchemaV1.Issue[]): DomainException {
  const list: FieldIssue[] = issues.map((issue) => ({
    field: fieldOf(issue) || '(body)',
    rule: String((issue as { code?: unknown }).code ?? 'invalid'),
    message: issue.message,
  }));
  const summary = list.map((i) => `${i.field}: ${i.message}`).join('; ');
  return new DomainException('validation', 'validation_failed', `Invalid request: ${summary}`, { issues: list });
}

export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({ exceptionFactory: validationException });
}
