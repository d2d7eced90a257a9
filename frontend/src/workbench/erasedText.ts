/**
 * What the server writes where it erased a data subject's value (Law 91/2025/QH15): the same
 * text as backend/src/modules/privacy/erasure/subject-text.ts ERASED_MARKER.
 */
export const ERASED_MARKER = '[đã xoá dữ liệu cá nhân / personal data removed]';

export type TextPart = { text: string; erased: boolean };

/** The text cut at each marker, so the page can show where data was erased. */
export function splitErased(text: string): TextPart[] {
  const parts: TextPart[] = [];
  text.split(ERASED_MARKER).forEach((piece, i) => {
    if (i > 0) parts.push({ text: ERASED_MARKER, erased: true });
    if (piece) parts.push({ text: piece, erased: false });
  });
  return parts;
}
