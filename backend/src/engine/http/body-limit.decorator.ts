import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

/**
 * Caps a route's request body below the application's 1 MB (Fastify answers 413 before any
 * decoding past it): a report, a reply or a sign-in is a few kilobytes, and a flood of
 * megabyte bodies costs parsing before any rule can refuse them.
 */
export const BodyLimit = (bytes: number): MethodDecorator => RouteConfig({ bodyLimit: bytes });

/** Turns @BodyLimit into the Fastify route's own bodyLimit; call before the routes are registered (app.init). */
export function applyRouteBodyLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it: Fastify's route config type declares no bodyLimit
    const bytes = (route.config as { bodyLimit?: unknown } | undefined)?.bodyLimit;
    if (typeof bytes === 'number') route.bodyLimit = bytes;
  });
}
