import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { Clock, CLOCK } from '../../engine/clock/clock';
import { AuthException } from './auth.exception';
import { SessionRepository, SessionSummary } from './session.repository';
import { SessionStatesService } from './session-states.service';
import type { RevokeReason } from './user-session.entity';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface IssuedTokens {
  userId: string;
  sessionId: string;
  accessToken: string;
  /** `<session id>.<secret>`: shown once, stored only as its SHA-256. */
  refreshToken: string;
  expiresIn: number;
  refreshExpiresIn: number;
}

/** Claims of an access token: who, and which session vouches for them. Role and unit are not in it. */
export interface AccessClaims {
  sub: string;
  sid: string;
  exp?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Staff sessions: sign-in, refresh with a rotating token, and every way a session ends. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly states: SessionStatesService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async start(userId: string, meta: ClientMeta): Promise<IssuedTokens> {
    const now = this.clock.now();
    const sessionEnd = new Date(now.getTime() + this.config.sessions.maxAgeSeconds * 1000);
    // The refresh token names its session, so the id is chosen here rather than by the database.
    const sessionId = randomUUID();
    const refreshToken = `${sessionId}.${newSecret()}`;
    await this.sessions.create({
      id: sessionId,
      userId,
      refreshHash: hash(refreshToken),
      expiresAt: sessionEnd,
      refreshExpiresAt: this.refreshExpiry(now, sessionEnd),
      userAgent: clip(meta.userAgent),
      ip: meta.ip,
      createdAt: now,
    });
    return this.issue(userId, sessionId, refreshToken, now, sessionEnd);
  }

  /**
   * A refresh token for a new pair. A token that was already replaced is a replay (it was copied,
   * or the rotation's answer was lost): the whole session ends, as OAuth 2.0's security BCP asks.
   */
  async refresh(refreshToken: string, meta: ClientMeta): Promise<IssuedTokens> {
    const now = this.clock.now();
    const sessionId = refreshToken.split('.')[0];
    if (!UUID.test(sessionId)) throw AuthException.invalidRefreshToken();
    const session = await this.sessions.findForRefresh(sessionId);
    if (!session || session.revokedAt || !session.userActive || session.expiresAt <= now) throw AuthException.invalidRefreshToken();
    const presented = hash(refreshToken);
    if (session.previousRefreshHash && same(presented, session.previousRefreshHash)) {
      await this.end(session.userId, [session.id], 'refresh_reuse');
      throw AuthException.invalidRefreshToken();
    }
    if (!same(presented, session.refreshHash) || session.refreshExpiresAt <= now) throw AuthException.invalidRefreshToken();
    const next = `${session.id}.${newSecret()}`;
    const rotated = await this.sessions.rotate(session.id, presented, hash(next), this.refreshExpiry(now, session.expiresAt), now, {
      userAgent: clip(meta.userAgent),
      ip: meta.ip,
    });
    if (!rotated) throw AuthException.invalidRefreshToken();
    return this.issue(session.userId, session.id, next, now, session.expiresAt);
  }

  /** Ends sessions of a user (all when `ids` is null, bar `except`) on every process. */
  async end(userId: string, ids: string[] | null, reason: RevokeReason, except: string | null = null): Promise<string[]> {
    const ended = await this.sessions.revoke(userId, ids, reason, this.clock.now(), except);
    await this.states.invalidate(ended);
    return ended;
  }

  /** A user's role, unit or name changed: their sessions carry on with the new authority. */
  async authorityChanged(userId: string): Promise<void> {
    await this.states.invalidate(await this.sessions.bumpVersions(userId));
  }

  list(userId: string): Promise<SessionSummary[]> {
    return this.sessions.openOfUser(userId, this.clock.now());
  }

  /** Retention: blanks the address and browser of sessions that ended before `cutoff`; returns how many. */
  blankClientOfSessionsEndedBefore(cutoff: Date, limit: number): Promise<number> {
    return this.sessions.blankClientOfSessionsEndedBefore(cutoff, limit);
  }

  private refreshExpiry(now: Date, sessionEnd: Date | null): Date {
    const idle = new Date(now.getTime() + this.config.sessions.idleSeconds * 1000);
    return sessionEnd && sessionEnd < idle ? sessionEnd : idle;
  }

  private async issue(userId: string, sessionId: string, refreshToken: string, now: Date, sessionEnd: Date): Promise<IssuedTokens> {
    const left = Math.floor((sessionEnd.getTime() - now.getTime()) / 1000);
    const expiresIn = Math.max(1, Math.min(this.config.auth.jwtTtlSeconds, left));
    const claims: Omit<AccessClaims, 'exp'> = { sub: userId, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn });
    const refreshExpiresIn = Math.floor((this.refreshExpiry(now, sessionEnd).getTime() - now.getTime()) / 1000);
    return { userId, sessionId, accessToken, refreshToken, expiresIn, refreshExpiresIn };
  }
}

const newSecret = () => randomBytes(32).toString('base64url');
const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const clip = (ua: string | null) => (ua ? ua.slice(0, 300) : null);
