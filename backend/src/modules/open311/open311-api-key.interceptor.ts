import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { from, Observable, switchMap } from 'rxjs';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { subjectOf } from '../../engine/rate-limit/rate-limit.guard';
import { RateLimitService } from '../../engine/rate-limit/rate-limit.service';
import { Open311Exception } from './open311.exception';

const digest = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

/** Compares digests in constant time, so response timing does not reveal how much of a key was right. */
export function isKnownKey(given: string, known: readonly Buffer[]): boolean {
  const candidate = digest(given);
  return known.reduce((found, key) => timingSafeEqual(candidate, key) || found, false);
}

function apiKeyOf(source: unknown): string | undefined {
  const value = (source as Record<string, unknown> | undefined)?.api_key;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}

/**
 * The api_key of POST Service Request (a form field; a query parameter is accepted too). An
 * interceptor, not a guard: guards run before the multipart body is read, and this must run after
 * it yet before validation, so that a client without a key hears 403 before any 400. Each key
 * is then counted under its own limit (RATE_LIMIT_OPEN311_POST): one 311 app may file for many
 * citizens from one address, so the key, not the address, is what is limited.
 */
@Injectable()
export class Open311ApiKeyInterceptor implements NestInterceptor {
  private readonly keys: Buffer[];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly limits: RateLimitService,
  ) {
    this.keys = config.open311ApiKeys.map(digest);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = apiKeyOf(request.body) ?? apiKeyOf(request.query);
    if (!key) throw Open311Exception.missingApiKey();
    if (!isKnownKey(key, this.keys)) throw Open311Exception.invalidApiKey();
    return from(this.limits.enforce('open311Post', { ...subjectOf(request), userId: null, apiKey: key })).pipe(
      switchMap(() => next.handle()),
    );
  }
}
