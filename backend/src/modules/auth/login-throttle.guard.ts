import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { REDIS } from '../../engine/redis/redis.module';
import { AuthException } from './auth.exception';

// Fixed window per (client address, username) kept in Redis so that every API replica counts
// the same attempts; INCR + PEXPIRE NX in one script keeps the window from sliding forever.
const INCR_WINDOW = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { hits, redis.call('PTTL', KEYS[1]) }`;

@Injectable()
export class LoginThrottleGuard implements CanActivate {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const body = request.body as { username?: unknown } | undefined;
    const username = typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 100) : '';
    const key = `${this.config.redis.queuePrefix}:login:${request.ip}:${username}`;
    const { loginLimit, loginTtlSeconds } = this.config.auth;
    const [hits, ttlMs] = (await this.redis.eval(INCR_WINDOW, 1, key, loginTtlSeconds * 1000)) as [number, number];
    if (hits > loginLimit) throw AuthException.tooManyAttempts(Math.max(1, Math.ceil(ttlMs / 1000)));
    return true;
  }
}
