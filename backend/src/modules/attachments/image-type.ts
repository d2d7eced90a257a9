/** The photo formats a report accepts, recognised from their first bytes. */
export type PhotoFormat = 'jpeg' | 'png' | 'webp';

export const PHOTO_CONTENT_TYPE: Record<PhotoFormat, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
export const PHOTO_EXTENSION: Record<PhotoFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

export type SniffResult = { ok: true; format: PhotoFormat } | { ok: false; detected: string };

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

// Formats that people (or attackers) send instead of a photo, named so the error says what came.
const OTHERS: { sig: readonly number[]; at?: number; name: string }[] = [
  { sig: ascii('GIF87a'), name: 'a GIF image' },
  { sig: ascii('GIF89a'), name: 'a GIF image' },
  { sig: ascii('%PDF-'), name: 'a PDF document' },
  { sig: [0x49, 0x49, 0x2a, 0x00], name: 'a TIFF image' },
  { sig: [0x4d, 0x4d, 0x00, 0x2a], name: 'a TIFF image' },
  { sig: ascii('BM'), name: 'a BMP image' },
  { sig: ascii('PK'), name: 'a ZIP archive or office document' },
  { sig: ascii('ftypheic'), at: 4, name: 'a HEIC image' },
  { sig: ascii('ftypheix'), at: 4, name: 'a HEIC image' },
  { sig: ascii('ftypmif1'), at: 4, name: 'a HEIF image' },
  { sig: ascii('ftypavif'), at: 4, name: 'an AVIF image' },
];

/**
 * Decides the type from the bytes alone: the client's file name and declared content type are
 * whatever the client says, so a PDF or an HTML page named photo.jpg must not get through.
 */
export function sniffImageType(bytes: Uint8Array): SniffResult {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, format: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, format: 'png' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return { ok: true, format: 'webp' };
  const other = OTHERS.find((o) => startsWith(bytes, o.sig, o.at ?? 0));
  if (other) return { ok: false, detected: other.name };
  if (looksLikeMarkup(bytes)) return { ok: false, detected: 'SVG, HTML or XML text' };
  return { ok: false, detected: bytes.length === 0 ? 'empty' : 'of an unknown type' };
}

function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 256))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('<');
}
