import { DomainException, FieldIssue } from './domain.exception';

const DAY_MS = 86_400_000;

/** The message and details of a `<module>.bad_period` error; the issue names the `to` filter. */
export function periodProblem(maxDays: number): [string, { issues: FieldIssue[] }] {
  return [
    `The period must run forward and span at most ${maxDays} days`,
    {
      issues: [
        {
          field: 'to',
          rule: 'range',
          message: `to must be after from, at most ${maxDays} days later`,
          messageVi: `Khoảng thời gian không hợp lệ (tối đa ${maxDays} ngày)`,
        },
      ],
    },
  ];
}

/** A figure's period runs forwards and spans at most `maxDays` days; otherwise a validation error with `code`. */
export function assertPeriod(code: string, from: Date, to: Date, maxDays: number): void {
  if (to <= from || to.getTime() - from.getTime() > maxDays * DAY_MS) {
    throw new DomainException('validation', code, ...periodProblem(maxDays));
  }
}
