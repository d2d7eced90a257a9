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
  | 'unavailable';

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
