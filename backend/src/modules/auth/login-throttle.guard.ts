import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { hitFixedWindow } from '../../engine/redis/fixed-window';
import { REDIS } from '../../engine/redis/redis.module';
import { AuditService } from '../audit/audit.service';
import { usernameKey } from '../users/username-key';
import { AuthException } from './auth.exception';

// A fixed window per (client address, username), so that every API replica counts the same attempts.
@Injectable()
export class LoginThrottleGuard implements CanActivate {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const body = request.body as { username?: unknown } | undefined;
    const username = typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 100) : '';
    const key = `${this.config.redis.queuePrefix}:login:${request.ip}:${username}`;
    const { loginLimit, loginTtlSeconds } = this.config.auth;
    const { hits, retryAfterSeconds } = await hitFixedWindow(this.redis, key, loginTtlSeconds);
    if (hits > loginLimit) {
      // Only the first refusal of a window: a flood must not become a flood of audit rows.
      if (hits === loginLimit + 1) await this.audit.record('sign_in_throttled', null, `username:${usernameKey(username).replace(/\p{Cc}/gu, '')}`, { ip: request.ip, retryAfterSeconds });
      throw AuthException.tooManyAttempts(retryAfterSeconds);
    }
    return true;
  }
}
