import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IS_PUBLIC } from '../../engine/http/public.decorator';
import type { UserRole } from '../users/app-user.entity';
import { AuthErrorCode, AuthException } from './auth.exception';
import { ALLOWED_DURING_SETUP } from './setup.decorator';
import type { Principal } from './principal';
import { ROLES } from './roles.decorator';
import type { SessionState } from './session-state-cache';
import { SessionStatesService } from './session-states.service';
import type { AccessClaims } from './sessions.service';
import { VerifiedTokens } from './verified-tokens';
import { Clock, CLOCK, systemClock } from '../../engine/clock/clock';

const REMEMBERED_TOKENS = 10_000;

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal; session?: SessionState };

/**
 * Global guard: a valid bearer token of a live session becomes `request.principal`, with the
 * role and unit its user has now; routes are closed unless marked @Public(); @Roles() narrows
 * them further. Public routes still see a principal when one is sent, so they can show more to
 * staff. A token's signature is checked once until it expires (VerifiedTokens); its session is
 * asked of SessionStatesService, which answers from a view at most SESSION_CHECK_SECONDS old.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokens<AccessClaims>(REMEMBERED_TOKENS);

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly states: SessionStatesService,
    @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const token = bearerToken(request.headers.authorization);

    if (token) {
      try {
        request.session = await this.session(token);
        request.principal = principalOf(request.session);
      } catch (error) {
        const unavailable = error instanceof AuthException && error.code === AuthErrorCode.Unavailable;
        if (unavailable && !isPublic) {
          void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(error.details.retryAfterSeconds));
          throw error;
        }
        if (!isPublic) throw error instanceof AuthException ? error : AuthException.invalidToken();
      }
    }
    if (isPublic) return true;
    if (!request.principal) throw AuthException.missingToken();
    const setup = request.session && (request.session.mustChangePassword || request.session.mustEnrolSecondFactor);
    if (setup && !this.reflector.getAllAndOverride<boolean>(ALLOWED_DURING_SETUP, targets)) {
      throw request.session!.mustChangePassword ? AuthException.passwordChangeRequired() : AuthException.secondFactorRequired();
    }

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.principal.role)) throw AuthException.forbidden(roles);
    return true;
  }

  private async session(token: string): Promise<SessionState> {
    const claims = await this.claims(token);
    if (typeof claims.sid !== 'string') throw AuthException.invalidToken();
    const state = await this.states.state(claims.sid);
    if (!state || state.userId !== claims.sub) throw AuthException.sessionEnded();
    return state;
  }

  private async claims(token: string): Promise<AccessClaims> {
    const known = this.verified.get(token, this.clock.now().getTime());
    if (known) return known;
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token);
    } catch {
      throw AuthException.invalidToken();
    }
    // A token without an expiry is verified each time, never remembered.
    if (claims.exp !== undefined) this.verified.set(token, claims, claims.exp * 1000);
    return claims;
  }
}

function principalOf(s: SessionState): Principal {
  return { userId: s.userId, username: s.username, role: s.role, unitId: s.unitId, sessionId: s.sessionId };
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value : null;
}
