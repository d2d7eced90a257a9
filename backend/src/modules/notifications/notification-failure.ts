import { REDACTED, redactPersonalText } from '../../engine/privacy/redact-personal-text';

/**
 * What last_error keeps of a failed delivery, for the operators: the provider's code, response code
 * and message — without the recipient. An SMTP refusal names the address it refused
 * ("550 5.1.1 <an@example.vn>: mailbox unavailable"); the column is not personal data in the
 * registry, and the recipient itself is blanked by retention, so the address must not survive here.
 */
export function describeFailure(err: unknown, recipient: string): string {
  const e = err as { code?: string; responseCode?: number; message?: string };
  const text = [e.code, e.responseCode, e.message ?? String(err)].filter((p) => p !== undefined && p !== '').join(' ');
  return redactPersonalText(withoutValue(text, recipient)).slice(0, 1000);
}

function withoutValue(text: string, value: string): string {
  if (value.trim() === '') return text;
  const escaped = value.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(escaped, 'giu'), REDACTED);
}
