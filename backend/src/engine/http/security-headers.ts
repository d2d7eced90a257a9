import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config';

/**
 * The Content-Security-Policy of the web app and the API: everything from this origin alone.
 * MapLibre runs its worker from a bundled file or a blob: URL and draws icons from data:/blob:
 * images; tiles, the basemap and the API are same-origin (the map works on a closed network).
 * frame-ancestors 'none': no page may frame the app (clickjacking the workbench's buttons).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  childSrc: ["'self'", 'blob:'],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // No upgrade-insecure-requests: over plain HTTP (a closed network, the tests) it breaks every request.
};

// The OpenAPI page is Swagger UI, whose HTML carries inline styles.
const DOCS_PREFIX = '/api/docs';
const DOCS_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";
// Photos are linked from Open311 feeds that other sites' apps show.
const PHOTOS_PREFIX = '/api/v1/attachments/';

/** Security headers on every answer (the app, the API, Open311, errors), from @fastify/helmet. */
export async function registerSecurityHeaders(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const hsts = config.surface.hstsMaxAgeSeconds;
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // Only when the public address is https: a browser that saw it over plain HTTP would lock itself out.
    hsts: hsts === null ? false : { maxAge: hsts, includeSubDomains: false },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (req, reply) => {
      if (req.url.startsWith(DOCS_PREFIX) && !req.url.startsWith(`${DOCS_PREFIX}-json`))
        reply.header('content-security-policy', DOCS_POLICY);
      if (req.url.startsWith(PHOTOS_PREFIX)) reply.header('cross-origin-resource-policy', 'cross-origin');
    });
}
