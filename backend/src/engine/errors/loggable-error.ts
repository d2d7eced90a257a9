import { redactPersonalText, REDACTED } from '../privacy/redact-personal-text';

/** What the log keeps of an unexpected error (a 500): enough to find the fault, never the data it carried. */
export interface LoggableError {
  type: string;
  message: string;
  stack?: string;
  /** PostgreSQL's SQLSTATE, constraint, table, column (names, not values). */
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

// PostgreSQL quotes the value it refused at the end of its message: `invalid input syntax for type uuid: "…"`.
const QUOTED_VALUE = /: "(?:[^"]|"")*"$/;

/**
 * A database error details the row or value it refused ("Failing row contains (…, Nguyễn Văn An,
 * 0901234567, …)"), TypeORM adds the statement's parameters, a driver its own copy: the contact
 * details of the report being filed. Only the type, the message (a refused value masked, numbers
 * and addresses masked), the stack frames and PostgreSQL's names are kept.
 */
export function loggableError(err: unknown): LoggableError {
  if (!(err instanceof Error)) return { type: typeof err, message: REDACTED };
  const e = err as Error & Record<string, unknown>;
  const message = redactPersonalText(e.message.replace(QUOTED_VALUE, `: "${REDACTED}"`));
  const frames = e.stack?.split('\n').filter((line) => /^\s+at /.test(line));
  const out: LoggableError = { type: e.constructor.name, message };
  if (frames?.length) out.stack = [`${e.name}: ${message}`, ...frames].join('\n');
  for (const key of ['code', 'constraint', 'table', 'column'] as const) {
    if (typeof e[key] === 'string') out[key] = e[key];
  }
  return out;
}
