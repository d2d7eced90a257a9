/** What went wrong, independent of HTTP; the exception filter maps each kind to one status. */
export type DomainErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'insufficient_storage';

export interface FieldIssue {
  field: string;
  rule: string;
  message: string;
  messageVi?: string;
}

/** Base of every module's exceptions: a stable machine code plus a human message. */
export class DomainException extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details: { issues?: FieldIssue[]; messageVi?: string; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

type PascalCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Capitalize<Head>}${PascalCase<Tail>}` : Capitalize<S>;

/**
 * A module's error codes, each `<module>.<name>`, keyed by the name in PascalCase:
 * `errorCodes('auth', ['invalid_token'])` is `{ InvalidToken: 'auth.invalid_token' }`.
 */
export function errorCodes<const M extends string, const N extends string>(
  module: M,
  names: readonly N[],
): { readonly [K in N as PascalCase<K>]: `${M}.${K}` } {
  const key = (name: string) =>
    name
      .split('_')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join('');
  return Object.freeze(Object.fromEntries(names.map((name) => [key(name), `${module}.${name}`]))) as never;
}

/** The union of a module's codes, to type a code as its enum once did. */
export type ErrorCodeOf<Codes> = Codes[keyof Codes];
