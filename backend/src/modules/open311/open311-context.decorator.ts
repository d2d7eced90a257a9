import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Open311RequestContext } from './open311.dto';
import { Open311Exception } from './open311.exception';
import { resolveLocale } from './open311-mapping';

/**
 * The language of the answer and the absolute origin for its links, from the request: links in a
 * feed are read by other systems, so they are absolute (behind the proxy, X-Forwarded-Proto/Host
 * count as Fastify's trustProxy allows).
 */
export const Open311Context = createParamDecorator((_: unknown, ctx: ExecutionContext): Open311RequestContext => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const raw = (request.query as Record<string, unknown> | undefined)?.locale;
  const explicit = Array.isArray(raw) ? String(raw[0]) : typeof raw === 'string' ? raw : undefined;
  const locale = resolveLocale(explicit, request.headers['accept-language']);
  if (!locale) throw Open311Exception.unsupportedLocale(explicit ?? '');
  return { origin: `${request.protocol}://${request.host}`, locale };
});
