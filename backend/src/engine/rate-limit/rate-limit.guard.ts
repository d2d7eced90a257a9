import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DEVICE_HEADER, RateLimitSubject } from './rate-limit-keys';
import type { PolicyName } from './rate-limit-policy';
import { RateLimitService } from './rate-limit.service';

export const RATE_LIMIT = 'hcmc1022:rateLimit';

export interface RateLimitOptions {
  /** The account a request names (sign-in), normalised by its module; null when it names none. */
  account?: (request: FastifyRequest) => string | null;
}

export interface RateLimitMetadata extends RateLimitOptions {
  policy: PolicyName;
}

/** The request as rate limits see it: address, device id header and signed-in user. */
export function subjectOf(request: FastifyRequest & { principal?: { userId: string } }): RateLimitSubject {
  return { ip: request.ip, deviceId: request.headers[DEVICE_HEADER], userId: request.principal?.userId ?? null };
}

/**
 * Runs after the global auth guard (route guards come after global ones), so a signed-in
 * caller is counted as the staff member they are; before interceptors, so a refused upload is
 * never read.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const meta = this.reflector.get<RateLimitMetadata | undefined>(RATE_LIMIT, context.getHandler());
    if (!meta) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    await this.limits.enforce(meta.policy, { ...subjectOf(request), account: meta.account?.(request) ?? null });
    return true;
  }
}
