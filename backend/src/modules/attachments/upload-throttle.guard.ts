import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { REDIS } from '../../engine/redis/redis.module';
import { AttachmentsException } from './attachments.exception';

// Fixed window per client address in Redis, shared by every API replica (as the login
// throttle); it runs before the body is read, so a flood costs no decoding.
const INCR_WINDOW = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { hits, redis.call('PTTL', KEYS[1]) }`;

@Injectable()
export class UploadThrottleGuard implements CanActivate {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const { throttleLimit, throttleTtlSeconds } = this.config.uploads;
    const key = `${this.config.redis.queuePrefix}:upload:${request.ip}`;
    const [hits, ttlMs] = (await this.redis.eval(INCR_WINDOW, 1, key, throttleTtlSeconds * 1000)) as [number, number];
    if (hits <= throttleLimit) return true;
    const retryAfter = Math.max(1, Math.ceil(ttlMs / 1000));
    void http.getResponse<FastifyReply>().header('retry-after', String(retryAfter));
    throw AttachmentsException.tooManyUploads(retryAfter);
  }
}
