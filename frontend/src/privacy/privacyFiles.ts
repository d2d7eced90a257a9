/**
 * Pure helpers of the personal-data pages (Law 91/2025/QH15: the subject may see, download and ask
 * to erase what 1022 holds about them).
 */

const SPACES = /[\s-]/g;
const ONE_TIME_CODE = /^\d{6}$/;

/** The six digits of an e-mailed code, as typed ("123 456", "123-456"); null until it is six digits. */
export function oneTimeCode(typed: string): string | null {
  const digits = typed.replace(SPACES, '');
  return ONE_TIME_CODE.test(digits) ? digits : null;
}

/** What a saved file may be named: no path, no control or reserved characters. */
const UNSAFE_NAME = /[\\/:*?"<>|\p{Cc}]/gu;
const FILENAME_STAR = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/;
const FILENAME = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/;

/**
 * The name a download is saved under: the server's Content-Disposition name when it gives one
 * (RFC 6266; the UTF-8 `filename*` first), else `fallback`; never a path.
 */
export function attachmentName(contentDisposition: string | null, fallback: string): string {
  const header = contentDisposition ?? '';
  let name: string | undefined;
  const star = FILENAME_STAR.exec(header)?.[1];
  if (star) {
    try {
      name = decodeURIComponent(star.trim());
    } catch {
      name = undefined;
    }
  }
  if (!name) {
    const plain = FILENAME.exec(header);
    name = plain?.[1] ?? plain?.[2];
  }
  const safe = (name ?? '').replace(UNSAFE_NAME, '_').trim();
  return safe === '' || /^[._]+$/.test(safe) ? fallback : safe;
}

/** The name of a file of the subject's data when the server names none: `1022-du-lieu-ca-nhan-<city date>.<ext>`. */
export function personalDataFileName(format: 'json' | 'html', generatedAt: string): string {
  const at = Date.parse(generatedAt);
  // Asia/Ho_Chi_Minh is UTC+7 all year: the date the citizen reads on their calendar.
  const date = Number.isNaN(at) ? 'export' : new Date(at + 7 * 3_600_000).toISOString().slice(0, 10);
  return `1022-du-lieu-ca-nhan-${date}.${format}`;
}
