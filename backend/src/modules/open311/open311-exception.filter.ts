import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainErrorKind, DomainException, FieldIssue } from '../../engine/errors/domain.exception';
import { asDatabaseUnavailable, setRetryAfter } from '../../engine/errors/http-exception.filter';
import { IntakeErrorCode } from '../intake/intake.exception';
import { open311Field } from './open311-form';
import { Locale, resolveLocale } from './open311-mapping';
import { formatOfUrl, send } from './open311-response';

export interface Open311Error {
  code: number;
  description: string;
}

// GeoReport v2, Errors: 404 for what does not exist, 403 for the api_key, "basically 400 for any
// other error where the request can not be fulfilled". Throttling and outages keep their own codes
// so that clients back off instead of giving up.
const STATUS: Record<DomainErrorKind, number> = {
  validation: 400,
  unprocessable: 400,
  unauthorized: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  insufficient_storage: 507,
};

// A custom rule's Vietnamese text is generic ("Giá trị không hợp lệ"); its own message says what is expected.
function describe(issue: FieldIssue, locale: Locale): string {
  if (locale !== 'vi' || !issue.messageVi) return issue.message;
  return issue.rule === 'custom' ? `${issue.messageVi} (${issue.message})` : issue.messageVi;
}

/** The spec's error list: one entry per offending field, in the client's language and field names. */
export function toErrorList(exception: unknown, locale: Locale): { status: number; errors: Open311Error[] } {
  if (exception instanceof DomainException) {
    // The spec answers an unknown service_code with 404 on POST as on GET.
    const status = exception.code === IntakeErrorCode.UnknownCategory ? 404 : STATUS[exception.kind];
    const issues = exception.details.issues ?? [];
    const message = (locale === 'vi' && exception.details.messageVi) || exception.message;
    const errors = issues.length
      ? issues.map((i) => ({ code: status, description: `${open311Field(i.field)}: ${describe(i, locale)}` }))
      : [{ code: status, description: message }];
    return { status, errors };
  }
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    const response = exception.getResponse();
    const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Nest's message is a string or a list; anything else prints as it would anyway
    const description = Array.isArray(raw) ? raw.join('; ') : String(raw ?? exception.message);
    return { status: exception.getStatus(), errors: [{ code: exception.getStatus(), description }] };
  }
  // Fastify's own errors (a malformed body, too large a body) carry a 4xx statusCode.
  const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, errors: [{ code: statusCode, description: (exception as Error).message }] };
  }
  return {
    status: 500,
    errors: [
      { code: 500, description: locale === 'vi' ? 'Lỗi hệ thống; vui lòng thử lại sau' : 'Internal server error; please try again later' },
    ],
  };
}

/** Errors under /open311 in the GeoReport v2 list format, as JSON or XML after the path's suffix. */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311ExceptionFilter');

  catch(thrown: unknown, host: ArgumentsHost): void {
    const exception = asDatabaseUnavailable(thrown);
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const query = (request.query ?? {}) as Record<string, unknown>;
    const locale = resolveLocale(typeof query.locale === 'string' ? query.locale : undefined, request.headers['accept-language']) ?? 'vi';
    const { status, errors } = toErrorList(exception, locale);
    if (status >= 500 && !(exception instanceof DomainException)) this.logger.error(exception);
    setRetryAfter(reply, exception);
    send(reply, formatOfUrl(request.url), status, 'errors', errors);
  }
}
