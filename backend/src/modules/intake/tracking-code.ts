/** 32 symbols without 0/O, 1/I: codes are read aloud on the phone and typed from paper. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const TRACKING_CODE_PATTERN = /^HCM-\d{6}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$/;
export const TRACKING_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Six symbols of 5 bits each: 2^30 codes per day. */
const SYMBOLS = 6;

/**
 * SQL for `HCM-YYMMDD-XXXXXX`: the local (Asia/Ho_Chi_Minh) date of `createdAtSql` and the low
 * 30 bits of the bigint `bitsSql`, spelled out so that a million codes cost no subquery.
 */
export function trackingCodeSql(createdAtSql: string, bitsSql: string): string {
  const symbols = Array.from(
    { length: SYMBOLS },
    (_, i) => `substr('${TRACKING_ALPHABET}', 1 + ((${bitsSql} >> ${5 * (SYMBOLS - 1 - i)}) & 31)::int, 1)`,
  );
  return `'HCM-' || to_char(${createdAtSql} AT TIME ZONE '${TRACKING_TIME_ZONE}', 'YYMMDD') || '-' || ${symbols.join(' || ')}`;
}

/** The same code in TypeScript, for tests and callers that build one code at a time. */
export function formatTrackingCode(localDate: { year: number; month: number; day: number }, bits: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const suffix = Array.from({ length: SYMBOLS }, (_, i) => TRACKING_ALPHABET[(bits >>> (5 * (SYMBOLS - 1 - i))) & 31]).join('');
  return `HCM-${pad(localDate.year % 100)}${pad(localDate.month)}${pad(localDate.day)}-${suffix}`;
}
