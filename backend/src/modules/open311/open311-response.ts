import type { FastifyReply } from 'fastify';
import type { Format } from './open311.dto';
import { toXml, XmlValue } from './xml-serializer';

/** Root element of each GeoReport v2 document. */
export type Open311Root = 'discovery' | 'services' | 'service_definition' | 'service_requests' | 'errors';

// The element repeated inside each list, as in the spec's XML examples.
const ITEM_NAMES: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

export function render(format: Format, root: Open311Root, body: unknown): string {
  return format === 'xml' ? toXml(root, body as XmlValue, ITEM_NAMES) : JSON.stringify(body);
}

/** The format a path asks for (…/services.xml); JSON when it names none we serve. */
export function formatOfUrl(url: string): Format {
  return /\.xml$/i.test(url.split('?')[0]) ? 'xml' : 'json';
}

export function send(reply: FastifyReply, format: Format, status: number, root: Open311Root, body: unknown): void {
  // Names and descriptions follow Accept-Language, so shared caches must key on it (kept beside
  // the Vary: Origin that CORS may have set).
  const vary = [reply.getHeader('vary'), 'Accept-Language'].filter(Boolean).join(', ');
  void reply
    .status(status)
    .header('content-type', CONTENT_TYPES[format])
    .header('vary', vary)
    .send(render(format, root, body));
}
