import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { DEVICE_HEADER } from './rate-limit-keys';
import type { PolicyName } from './rate-limit-policy';
import { RATE_LIMIT, RateLimitGuard, RateLimitMetadata, RateLimitOptions } from './rate-limit.guard';

/** Counts the route under a policy of RATE_LIMIT_* settings; over it, 429 with Retry-After. */
export const RateLimit = (policy: PolicyName, options: RateLimitOptions = {}): MethodDecorator =>
  applyDecorators(
    SetMetadata(RATE_LIMIT, { policy, ...options } satisfies RateLimitMetadata),
    UseGuards(RateLimitGuard),
    ApiHeader({
      name: DEVICE_HEADER,
      required: false,
      description: 'The app’s random installation id (16–64 of A–Z, a–z, 0–9, _ and -): its own, tighter limit',
    }),
    ApiTooManyRequestsResponse({ description: `Over the "${policy}" limit; Retry-After says when to try again` }),
  );
