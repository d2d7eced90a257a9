import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { loggedRequestTarget } from './access-log';

/** Probes and scrapes every few seconds would drown the log. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * One access log line per request, written when the response has gone: method, the route it
 * matched, the path and query as loggedRequestTarget allows, status, duration, request id and
 * the client address (registry: "API access log"). Fastify's hook knows the matched route, which
 * pino-http's middleware does not, so the line can show the route and mask its values by name;
 * headers and bodies are never written. An event stream is logged when it closes.
 */
export function registerAccessLog(fastify: FastifyInstance, logger: () => Logger | null): void {
  const write = (req: FastifyRequest, reply: FastifyReply) => {
    const log = logger();
    if (!log || LOGGED.has(req) || QUIET_PATHS.has(req.url.split('?')[0])) return;
    LOGGED.add(req);
    const route = req.routeOptions.url;
    const status = reply.raw.statusCode;
    const line = {
      reqId: req.id,
      method: req.method,
      route: route ?? 'unmatched',
      url: loggedRequestTarget({ url: req.url, route, params: req.params as Record<string, string> }),
      status,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      ip: req.ip,
    };
    if (status >= 500) log.error(line, 'request failed');
    else log.info(line, 'request completed');
  };
  fastify.addHook('onRequest', async (req, reply) => {
    // Request-scoped log lines (pino-http's child logger, `reqId`) carry the same id as this line.
    (req.raw as { id?: string }).id = req.id;
    void reply.header('x-request-id', req.id);
    // A hijacked reply (an event stream) ends outside Fastify, without onResponse.
    reply.raw.once('close', () => write(req, reply));
  });
  fastify.addHook('onResponse', async (req, reply) => write(req, reply));
}

const LOGGED = new WeakSet<FastifyRequest>();
