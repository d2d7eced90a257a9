import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC } from '../../engine/http/public.decorator';
import type { UserRole } from '../users/app-user.entity';
import { AuthException } from './auth.exception';
import type { Principal } from './principal';
import { ROLES } from './roles.decorator';
import { VerifiedTokens } from './verified-tokens';
import { Clock, CLOCK, systemClock } from '../../engine/clock/clock';

interface TokenClaims {
  sub: string;
  username: string;
  role: UserRole;
  unitId: string | null;
  /** Expiry, seconds since the epoch: set on every token this service signs (expiresIn). */
  exp?: number;
}

const REMEMBERED_TOKENS = 10_000;

/**
 * Global guard: a valid bearer token becomes `request.principal`; routes are closed unless
 * marked @Public(); @Roles() narrows them further. Public routes still see a principal when one
 * is sent, so they can show more to staff.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokens<Principal>(REMEMBERED_TOKENS);

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const token = bearerToken(request.headers.authorization);

    if (token) {
      try {
        request.principal = await this.verify(token);
      } catch {
        if (!isPublic) throw AuthException.invalidToken();
      }
    }
    if (isPublic) return true;
    if (!request.principal) throw AuthException.missingToken();

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.principal.role)) throw AuthException.forbidden(roles);
    return true;
  }

  private async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token, this.clock.now().getTime());
    if (known) return known;
    const claims = await this.jwt.verifyAsync<TokenClaims>(token);
    const principal: Principal = Object.freeze({ userId: claims.sub, username: claims.username, role: claims.role, unitId: claims.unitId });
    // A token without an expiry is verified each time, never remembered.
    if (claims.exp !== undefined) this.verified.set(token, principal, claims.exp * 1000);
    return principal;
  }
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value : null;
}
