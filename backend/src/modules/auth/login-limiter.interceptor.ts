import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { catchError, finalize, from, mergeMap, Observable, tap, throwError } from 'rxjs';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { BackoffRule } from '../../engine/rate-limit/backoff';
import { clientNetwork, digest } from '../../engine/rate-limit/rate-limit-keys';
import { RateLimitException } from '../../engine/rate-limit/rate-limit.exception';
import { subjectOf } from '../../engine/rate-limit/rate-limit.guard';
import { RateLimitService } from '../../engine/rate-limit/rate-limit.service';
import { Semaphore } from '../../engine/rate-limit/semaphore';
import { AuditService } from '../audit/audit.service';
import { usernameKey } from '../users/username-key';
import { AuthErrorCode, AuthException } from './auth.exception';

const BACKOFF = 'login';
// An office of officials behind one address mistypes more often than one person does.
const CLIENT_FREE_FACTOR = 4;

/** The account a sign-in names, in the one canonical form (usernameKey); null when it names none. */
export function loginAccount(request: FastifyRequest): string | null {
  const username = (request.body as { username?: unknown } | undefined)?.username;
  if (typeof username !== 'string') return null;
  const key = usernameKey(username.slice(0, 256));
  return key === '' ? null : key;
}

/**
 * Sign-in's limits, on the one rate-limit mechanism:
 *  - the request limits of policy 'login' (per account, per address, globally), counted here
 *    rather than by the route guard so that the first refusal of a window is audited;
 *  - failures in a row slow the next attempt down (backoff.ts) for the account from this
 *    address, for the address (spraying many usernames) and, capped low, for the account;
 *    a success forgets the account's failures;
 *  - at most LOGIN_HASH_CONCURRENCY sign-ins of this process verify a password at once and
 *    LOGIN_HASH_QUEUE wait; the rest hear 503 with Retry-After at once, so a burst of sign-ins
 *    cannot take the whole CPU (argon2) from the rest of the API.
 */
@Injectable()
export class LoginLimiterInterceptor implements NestInterceptor {
  private readonly hashing: Semaphore;
  private readonly rules: { pair: BackoffRule; client: BackoffRule; account: BackoffRule };

  constructor(
    private readonly limits: RateLimitService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const { loginBackoff: b, loginHashes } = config.rateLimits;
    this.hashing = new Semaphore(loginHashes.concurrency, loginHashes.queue);
    this.rules = {
      pair: { freeFailures: b.freeFailures, baseSeconds: b.baseSeconds, maxSeconds: b.maxSeconds },
      client: { freeFailures: b.freeFailures * CLIENT_FREE_FACTOR, baseSeconds: b.baseSeconds, maxSeconds: b.maxSeconds },
      account: { freeFailures: b.freeFailures, baseSeconds: b.baseSeconds, maxSeconds: Math.min(b.accountMaxSeconds, b.maxSeconds) },
    };
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const account = loginAccount(request);
    const network = clientNetwork(request.ip);
    const client = `client:${digest(network)}`;
    const keys =
      account === null ? { client } : { client, account: `account:${digest(account)}`, pair: `pair:${digest(`${network}|${account}`)}` };

    return from(this.admit(request, account)).pipe(
      mergeMap(() => this.limits.backoffWait(BACKOFF, Object.values(keys))),
      mergeMap((wait) => {
        if (wait > 0) throw RateLimitException.exceeded('login', 'backoff', wait);
        const slot = this.hashing.tryAcquire();
        if (!slot) throw RateLimitException.busy('login', 1);
        return from(slot);
      }),
      mergeMap((release) =>
        next.handle().pipe(
          finalize(release),
          tap({
            next: () =>
              void this.limits.clearFailures(
                BACKOFF,
                [keys.account, keys.pair].filter((k): k is string => Boolean(k)),
              ),
          }),
          catchError((err: unknown) => {
            if (!(err instanceof AuthException && err.code === AuthErrorCode.InvalidCredentials)) return throwError(() => err);
            const failures = Object.entries(keys).map(([kind, key]) => ({ key, rule: this.rules[kind as keyof typeof keys] }));
            return from(this.limits.recordFailure(BACKOFF, failures)).pipe(mergeMap(() => throwError(() => err)));
          }),
        ),
      ),
    );
  }

  private async admit(request: FastifyRequest, account: string | null): Promise<void> {
    try {
      await this.limits.enforce('login', { ...subjectOf(request), account });
    } catch (err) {
      if (err instanceof RateLimitException && err.firstInWindow) {
        await this.audit.record('sign_in_throttled', null, `username:${account ?? ''}`, {
          dimension: err.details.dimension,
          retryAfterSeconds: err.details.retryAfterSeconds,
        });
      }
      throw err;
    }
  }
}
