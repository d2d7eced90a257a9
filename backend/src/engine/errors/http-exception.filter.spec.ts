import type { ArgumentsHost } from '@nestjs/common';
import { NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainException } from './domain.exception';
import { HttpExceptionFilter } from './http-exception.filter';

/** The filter's answer to one thrown value: status, Retry-After and body (a reply that records). */
function answer(thrown: unknown): { status: number; retryAfter?: string; body: Record<string, unknown> } {
  const out: { status: number; retryAfter?: string; body: Record<string, unknown> } = { status: 0, body: {} };
  const reply = {
    status(code: number) {
      out.status = code;
      return reply;
    },
    header(name: string, value: string) {
      if (name === 'retry-after') out.retryAfter = value;
      return reply;
    },
    send(body: Record<string, unknown>) {
      out.body = body;
      return reply;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  new HttpExceptionFilter().catch(thrown, host);
  return out;
}

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('HttpExceptionFilter and a database that cannot answer', () => {
  it.each<[string, unknown, number, string, string | undefined]>([
    [
      'the server restarting (57P01, through TypeORM)',
      new QueryFailedError('INSERT', [], pgError('57P01', 'terminating connection due to administrator command')),
      503,
      'database.unavailable',
      '5',
    ],
    ['nobody on the port', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), 503, 'database.unavailable', '5'],
    ['no pool connection in time', new Error('timeout exceeded when trying to connect'), 503, 'database.unavailable', '5'],
    [
      'a statement past statement_timeout',
      new QueryFailedError('INSERT', [], pgError('57014', 'canceling statement due to statement timeout')),
      503,
      'database.timeout',
      '5',
    ],
    [
      'a constraint the request broke is still a 500 (a bug)',
      new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key')),
      500,
      'internal_error',
      undefined,
    ],
    [
      'a domain answer keeps its own status',
      new DomainException('not_found', 'x.not_found', 'No such thing'),
      404,
      'x.not_found',
      undefined,
    ],
    ['an HTTP exception keeps its own status', new NotFoundException(), 404, 'not_found', undefined],
  ])('%s', (_, thrown, status, code, retryAfter) => {
    const a = answer(thrown);
    expect(a.status).toBe(status);
    expect(a.body.code).toBe(code);
    expect(a.retryAfter).toBe(retryAfter);
    if (status === 503) expect(a.body).toMatchObject({ message: expect.any(String), messageVi: expect.any(String), retryAfterSeconds: 5 });
  });
});
