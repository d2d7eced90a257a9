import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { databaseTrouble, databaseUnavailable } from './database-unavailable';
import { DomainErrorKind, DomainException } from './domain.exception';

const STATUS: Record<DomainErrorKind, number> = {
  validation: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  payload_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  insufficient_storage: HttpStatus.INSUFFICIENT_STORAGE,
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  [key: string]: unknown;
}

/** The one place where errors become HTTP answers; anything unknown is a logged 500 without internals. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(thrown: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const exception = asDatabaseUnavailable(thrown);
    if (exception !== thrown) this.warnAtMostEvery(`${(exception as DomainException).code}: ${(thrown as Error).message}`);
    const body = this.toBody(exception);
    // A domain 503 (busy, with Retry-After) is an answer, not a fault: a burst must not flood the log.
    if (body.statusCode >= 500 && !(exception instanceof DomainException)) this.logger.error(exception);
    setRetryAfter(reply, exception);
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private lastWarned = 0;

  /** An outage answers hundreds of requests a second: one line every few seconds says it. */
  private warnAtMostEvery(line: string, ms = 5000): void {
    const now = performance.now();
    if (now - this.lastWarned < ms) return;
    this.lastWarned = now;
    this.logger.warn(line);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainException) {
      return { statusCode: STATUS[exception.kind], code: exception.code, message: exception.message, ...exception.details };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? (response as { message: string[] }).message.join('; ')
            : // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Nest's message is a string or a list; anything else prints as it would anyway
              String((response as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, code: httpCode(status), message };
    }
    // Fastify's own errors (body too large, bad JSON, unsupported media type) carry a statusCode.
    const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return { statusCode: fastifyStatus, code: httpCode(fastifyStatus), message: (exception as Error).message };
    }
    return { statusCode: 500, code: 'internal_error', message: 'Internal server error' };
  }
}

/** A database that is away or too slow is a 503 with Retry-After wherever it surfaced (every filter asks here). */
export function asDatabaseUnavailable(thrown: unknown): unknown {
  if (thrown instanceof DomainException || thrown instanceof HttpException) return thrown;
  const trouble = databaseTrouble(thrown);
  return trouble ? databaseUnavailable(trouble) : thrown;
}

/** A 429 or 503 that says how long to wait says it in the standard header too (RFC 9110 §10.2.3). */
export function setRetryAfter(reply: FastifyReply, exception: unknown): void {
  const seconds = exception instanceof DomainException ? exception.details.retryAfterSeconds : undefined;
  if (typeof seconds === 'number' && Number.isFinite(seconds)) void reply.header('retry-after', String(Math.max(1, Math.ceil(seconds))));
}

function httpCode(status: number): string {
  const codes: Record<number, string> = {
    400: 'bad_request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    405: 'method_not_allowed',
    409: 'conflict',
    413: 'payload_too_large',
    415: 'unsupported_media_type',
    422: 'unprocessable',
    429: 'rate_limited',
  };
  return codes[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
}
