// Same rule as the intake API (reporter.phone): +84 / 84 / 0 then 9–10 digits, separators allowed.
const PHONE_PATTERN = /^(\+?84|0)\d{9,10}$/;

function compact(phone: string): string {
  return phone.trim().replace(/[\s.\-()]/g, '');
}

export function isValidPhone(phone: string): boolean {
  return PHONE_PATTERN.test(compact(phone));
}

/** The canonical 0xxxxxxxxx form the API stores, so a caller's history finds every earlier report. */
export function normalizePhone(phone: string): string {
  const digits = compact(phone).replace(/\D/g, '');
  return digits.startsWith('84') ? `0${digits.slice(2)}` : digits;
}
