import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Open311RequestContext } from './open311.dto';
import { Open311Exception } from './open311.exception';
import { resolveLocale } from './open311-mapping';

/**
 * The language of the answer, from the request. Not the origin for links: Host and
 * X-Forwarded-Host are the client's to choose, and a feed other systems cache would carry a
 * stranger's host (Open311Service writes links from PUBLIC_BASE_URL).
 */
export const Open311Context = createParamDecorator((_: unknown, ctx: ExecutionContext): Open311RequestContext => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const raw = (request.query as Record<string, unknown> | undefined)?.locale;
  const explicit = Array.isArray(raw) ? String(raw[0]) : typeof raw === 'string' ? raw : undefined;
  const locale = resolveLocale(explicit, request.headers['accept-language']);
  if (!locale) throw Open311Exception.unsupportedLocale(explicit ?? '');
  return { locale };
});
