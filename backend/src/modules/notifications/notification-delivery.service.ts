import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { ReporterAccessService } from '../reporter-access/reporter-access.service';
import { EntityManager } from 'typeorm';
import { EMAIL_DRIVER, INTERNAL_DRIVER, NotificationDriver, NotificationDrivers, SMS_DRIVER } from './notification-driver';
import { NotificationDeliveryRepository, PendingNotification } from './notification-delivery.repository';
import { PRIVACY_CODE_TEMPLATE, renderNotification, UnknownTemplateError } from './notification-templates';
import { PrivacyCodesService } from '../privacy-codes/privacy-codes.service';
import { Clock, CLOCK, systemClock } from '../../engine/clock/clock';

export interface DeliverySettings {
  batchSize: number;
  maxAttempts: number;
  retryBaseMs: number;
  publicBaseUrl: string;
}

export interface DeliveryOutcome {
  sent: number;
  retried: number;
  failed: number;
}

class UnknownChannelError extends Error {
  constructor(channel: string) {
    super(`no driver for channel "${channel}"`);
  }
}

/** Longest wait between two attempts, whatever the base and attempt count. */
const MAX_RETRY_DELAY_MS = 6 * 3600_000;

/** Retry after base * 2^(attempt-1), capped; null once `attempts` (including this one) reaches the cap. */
export function nextAttemptAt(now: Date, attempts: number, s: Pick<DeliverySettings, 'maxAttempts' | 'retryBaseMs'>): Date | null {
  if (attempts >= s.maxAttempts) return null;
  return new Date(now.getTime() + Math.min(MAX_RETRY_DELAY_MS, s.retryBaseMs * 2 ** (attempts - 1)));
}

/**
 * Sends recorded notifications. Each pass claims a batch with FOR UPDATE SKIP LOCKED, sends every
 * row through its channel's driver and marks it in the same transaction, after the driver
 * returned: two workers never send the same row, and a row is marked sent only once it was sent.
 *
 * At-least-once edge: if the process dies (or the commit fails) after a driver accepted a message
 * but before the transaction committed, the row is still 'recorded' and the next pass sends it
 * again. The SMTP driver carries the row id in a header so a relay or mailbox can deduplicate;
 * a row is never lost, at worst sent twice.
 */
@Injectable()
export class NotificationDeliveryService {
  private readonly logger = new Logger(NotificationDeliveryService.name);
  private readonly drivers: NotificationDrivers;
  private readonly settings: DeliverySettings;

  constructor(
    private readonly repo: NotificationDeliveryRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(INTERNAL_DRIVER) internal: NotificationDriver,
    @Inject(EMAIL_DRIVER) email: NotificationDriver,
    @Inject(SMS_DRIVER) sms: NotificationDriver,
    private readonly reporterAccess: ReporterAccessService,
    private readonly privacyCodes: PrivacyCodesService,
    @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {
    this.drivers = { internal, email, sms };
    const n = config.notifications;
    this.settings = { batchSize: n.batchSize, maxAttempts: n.maxAttempts, retryBaseMs: n.retryBaseMs, publicBaseUrl: n.publicBaseUrl };
  }

  /** One pass over at most one batch. `now` is injectable so retries can be tested without waiting. */
  async deliverDue(now: Date = this.clock.now()): Promise<DeliveryOutcome> {
    return this.repo.transaction(async (tx) => {
      const out: DeliveryOutcome = { sent: 0, retried: 0, failed: 0 };
      for (const row of await this.repo.claim(tx, this.settings.batchSize, now)) {
        try {
          const result = await this.send(tx, row, now);
          await this.repo.markSent(tx, row.id, result.providerId ?? null, now);
          out.sent++;
        } catch (err) {
          // A template that does not render never will: give up at once instead of retrying.
          const retryAt =
            err instanceof UnknownTemplateError || err instanceof UnknownChannelError
              ? null
              : nextAttemptAt(now, row.attempts + 1, this.settings);
          await this.repo.markAttemptFailed(tx, row.id, describe(err), retryAt);
          if (retryAt) out.retried++;
          else out.failed++;
          // Ids and codes only: the recipient and the provider's message may hold personal data.
          this.logger.warn(
            {
              notificationId: row.id,
              channel: row.channel,
              template: row.template,
              attempt: row.attempts + 1,
              gaveUp: !retryAt,
              code: errorCode(err),
            },
            'notification delivery failed',
          );
        }
      }
      return out;
    });
  }

  private async send(tx: EntityManager, row: PendingNotification, now: Date) {
    const driver = this.drivers[row.channel];
    if (!driver) throw new UnknownChannelError(row.channel);
    // A message to the reporter carries its own link token, made now and kept hashed only: the
    // row's payload never holds it, and a retry makes a new one in place of the last.
    const payload = { reportId: row.reportId, ...row.payload };
    if (row.template === PRIVACY_CODE_TEMPLATE) {
      // Likewise a data subject's code: made now, kept as a keyed digest only, replaced by a retry.
      const verificationId = typeof row.payload.verificationId === 'string' ? row.payload.verificationId : null;
      const code = verificationId ? await this.privacyCodes.issueForMessage(tx, verificationId, now) : null;
      if (!code) throw new UnknownTemplateError(row.template);
      const { subject, text } = renderNotification(row.template, payload, { verificationCode: code });
      return driver.send({ id: row.id, channel: row.channel, recipient: row.recipient, subject, text });
    }
    let message = renderNotification(row.template, payload, { publicBaseUrl: this.settings.publicBaseUrl });
    const code = typeof row.payload.code === 'string' ? row.payload.code : null;
    if (row.template.startsWith('citizen.') && row.reportId && code) {
      const { url } = await this.reporterAccess.issueMessageToken(tx, row.reportId, row.id, code, now);
      message = renderNotification(row.template, payload, { publicBaseUrl: this.settings.publicBaseUrl, reporterUrl: url });
    }
    const { subject, text } = message;
    return driver.send({ id: row.id, channel: row.channel, recipient: row.recipient, subject, text });
  }
}

/** Stored in last_error for the operators (the table, like the recipient column, is not public). */
function describe(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; message?: string };
  return [e.code, e.responseCode, e.message ?? String(err)]
    .filter((p) => p !== undefined && p !== '')
    .join(' ')
    .slice(0, 1000);
}

function errorCode(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; name?: string };
  return String(e.code ?? e.responseCode ?? e.name ?? 'unknown');
}
