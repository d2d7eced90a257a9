import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC } from '../../engine/http/public.decorator';
import type { UserRole } from '../users/app-user.entity';
import { AuthException } from './auth.exception';
import type { Principal } from './principal';
import { ROLES } from './roles.decorator';

interface TokenClaims {
  sub: string;
  username: string;
  role: UserRole;
  unitId: string | null;
}

/**
 * Global guard: a valid bearer token becomes `request.principal`; routes are closed unless
 * marked @Public(); @Roles() narrows them further. Public routes still see a principal when one
 * is sent, so they can show more to staff.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const token = bearerToken(request.headers.authorization);

    if (token) {
      try {
        const claims = await this.jwt.verifyAsync<TokenClaims>(token);
        request.principal = { userId: claims.sub, username: claims.username, role: claims.role, unitId: claims.unitId };
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
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value : null;
}
