import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { REDIS } from '../../engine/redis/redis.module';
import { Clock, CLOCK } from '../../engine/clock/clock';
import { AuthException } from './auth.exception';
import { SessionRepository } from './session.repository';
import { KnownSession, SessionStateCache } from './session-state-cache';

const REMEMBERED_SESSIONS = 20_000;
/** A Redis answer slower than this counts as Redis being away: the guard must never hang on it. */
const REDIS_WAIT_MS = 250;
const ENDED = 'ended';

/**
 * Where the guard learns whether a session still counts: this process's view (at most
 * SESSION_CHECK_SECONDS old), else Redis (shared by every process, kept as long), else
 * PostgreSQL, the truth. Ending or changing a session deletes its Redis entry, so every process
 * sees it at its next look, within 2 × SESSION_CHECK_SECONDS at worst. While Redis is away the
 * database answers; while both are away the last state seen stands for SESSION_STALE_SECONDS,
 * and after that the answer is 503 with Retry-After, never a hang.
 */
@Injectable()
export class SessionStatesService {
  private readonly logger = new Logger(SessionStatesService.name);
  private readonly cache: SessionStateCache;

  constructor(
    private readonly sessions: SessionRepository,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    const { checkSeconds, staleSeconds } = config.sessions;
    this.cache = new SessionStateCache(checkSeconds * 1000, Math.max(checkSeconds, staleSeconds) * 1000, REMEMBERED_SESSIONS);
  }

  async state(sessionId: string): Promise<KnownSession> {
    const now = this.clock.now();
    const fresh = this.cache.fresh(sessionId, now.getTime());
    if (fresh !== undefined) return fresh;
    let state = await this.fromRedis(sessionId);
    if (state === undefined) {
      try {
        state = await this.sessions.state(sessionId, now, this.config.sessions.mfaRequiredRoles);
      } catch (error) {
        const known = this.cache.lastKnown(sessionId, now.getTime());
        if (known !== undefined) return known;
        this.logger.warn(`session ${sessionId}: neither Redis nor PostgreSQL answered (${(error as Error).message})`);
        throw AuthException.unavailable(this.config.sessions.checkSeconds);
      }
      void this.toRedis(sessionId, state);
    }
    this.cache.set(sessionId, state, now.getTime());
    return state;
  }

  /** These sessions ended or changed: drop every view of them (this process's and the shared one). */
  async invalidate(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    for (const id of sessionIds) this.cache.forget(id);
    if (this.redis.status !== 'ready') return; // the entries expire by themselves within SESSION_CHECK_SECONDS
    await bounded(this.redis.del(...sessionIds.map((id) => this.key(id)))).catch((error: Error) =>
      this.logger.warn(`sessions kept in Redis until they expire: ${error.message}`),
    );
  }

  private key(sessionId: string): string {
    return `${this.config.redis.queuePrefix}:session:${sessionId}`;
  }

  /** undefined: Redis does not know, or is away. */
  private async fromRedis(sessionId: string): Promise<KnownSession | undefined> {
    if (this.redis.status !== 'ready') return undefined;
    try {
      const raw = await bounded(this.redis.get(this.key(sessionId)));
      if (raw === null) return undefined;
      return raw === ENDED ? null : (JSON.parse(raw) as KnownSession);
    } catch {
      return undefined;
    }
  }

  private async toRedis(sessionId: string, state: KnownSession): Promise<void> {
    if (this.redis.status !== 'ready') return;
    const value = state === null ? ENDED : JSON.stringify(state);
    await bounded(this.redis.set(this.key(sessionId), value, 'EX', this.config.sessions.checkSeconds)).catch(() => undefined);
  }
}

function bounded<T>(p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`Redis did not answer within ${REDIS_WAIT_MS} ms`)), REDIS_WAIT_MS)),
    ),
  ]).finally(() => clearTimeout(timer));
}
