import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { hitFixedWindow } from '../../engine/redis/fixed-window';
import { REDIS } from '../../engine/redis/redis.module';
import { AttachmentsException } from './attachments.exception';

// A fixed window per client address, shared by every API replica (as the login throttle); it
// runs before the body is read, so a flood costs no decoding.
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
    const { hits, retryAfterSeconds: retryAfter } = await hitFixedWindow(this.redis, key, throttleTtlSeconds);
    if (hits <= throttleLimit) return true;
    void http.getResponse<FastifyReply>().header('retry-after', String(retryAfter));
    throw AttachmentsException.tooManyUploads(retryAfter);
  }
}
