/** Suffix symbols of a tracking code: no 0/O or 1/I, as codes are read aloud and copied from paper. */
const SUFFIX = /^\d{6}[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$/;

/**
 * `HCM-YYMMDD-XXXXXX` from what people type: any case, spaces or dashes anywhere or none, the
 * `HCM` prefix optional. Null when it cannot be a tracking code.
 */
export function normaliseTrackingCode(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const body = compact.startsWith('HCM') ? compact.slice(3) : compact;
  if (!SUFFIX.test(body)) return null;
  return `HCM-${body.slice(0, 6)}-${body.slice(6)}`;
}
