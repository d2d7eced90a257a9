import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { ReporterAccessService } from '../reporter-access/reporter-access.service';
import { EntityManager } from 'typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  EMAIL_DRIVER,
  INTERNAL_DRIVER,
  NotificationDriver,
  NotificationDrivers,
  OutgoingMessage,
  SendResult,
  SMS_DRIVER,
} from './notification-driver';
import { NotificationDeliveryRepository, PendingNotification } from './notification-delivery.repository';
import { PRIVACY_CODE_TEMPLATE, renderNotification, UnknownTemplateError } from './notification-templates';
import { describeFailure } from './notification-failure';
import { PrivacyCodesService } from '../privacy-codes/privacy-codes.service';
import { Clock, CLOCK, systemClock } from '../../engine/clock/clock';

export interface DeliverySettings {
  batchSize: number;
  maxAttempts: number;
  retryBaseMs: number;
  publicBaseUrl: string;
  unconfirmedAfterMs: number;
  faultPauseAfterSendMs: number;
}

export interface DeliveryOutcome {
  sent: number;
  retried: number;
  failed: number;
  /** Handed over but not confirmed (the connection broke after the message), or abandoned by a dead worker. */
  unconfirmed: number;
}

class UnknownChannelError extends Error {
  constructor(channel: string) {
    super(`no driver for channel "${channel}"`);
  }
}

/** Longest wait between two attempts, whatever the base and attempt count. */
const MAX_RETRY_DELAY_MS = 6 * 3600_000;

const ABANDONED = 'the worker stopped after handing the message over and before recording the answer: it may have been delivered';

/** Retry after base * 2^(attempt-1), capped; null once `attempts` (including this one) reaches the cap. */
export function nextAttemptAt(now: Date, attempts: number, s: Pick<DeliverySettings, 'maxAttempts' | 'retryBaseMs'>): Date | null {
  if (attempts >= s.maxAttempts) return null;
  return new Date(now.getTime() + Math.min(MAX_RETRY_DELAY_MS, s.retryBaseMs * 2 ** (attempts - 1)));
}

/**
 * What a failed send means for the message. `refused`: the provider answered no (any SMTP reply
 * code), or nothing was handed over (connection, greeting, sign-in): safe to try again.
 * `unknown`: the connection broke while the message itself was on its way (SMTP DATA, no reply),
 * so it may have been delivered: trying again could deliver it twice.
 */
export function failedSendMeans(err: unknown): 'refused' | 'unknown' {
  const e = err as { responseCode?: number; command?: string };
  if (typeof e.responseCode === 'number') return 'refused';
  return typeof e.command === 'string' && /^DATA\b|^\.$/i.test(e.command.trim()) ? 'unknown' : 'refused';
}

/**
 * Sends recorded notifications, at most once in effect. For each due row, in its own short
 * transaction: claim it (FOR UPDATE SKIP LOCKED: two workers never take the same row), render it,
 * and commit it as 'sending'; then hand it to its channel's driver, and mark it 'sent' (or back to
 * 'recorded' for a retry, or 'failed'). The driver carries the row's stable identity (the SMTP
 * Message-ID is made from the row id), so a message is recognisably the same message wherever it
 * shows up.
 *
 * If the process dies between the driver's acceptance and the mark, the row stays 'sending'; it
 * is never claimed again. After NOTIFY_UNCONFIRMED_AFTER_MS it becomes 'unconfirmed': the
 * message may have gone out, and sending it again blindly could give the citizen the same message
 * twice, so it is left for staff to look at rather than retried. The price is the other window:
 * a worker that dies after committing 'sending' but before the provider took the message leaves
 * an unsent message 'unconfirmed' too. Both windows are a few milliseconds wide; the first
 * (a double) is what a citizen would see, so it is the one closed.
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
    this.settings = {
      batchSize: n.batchSize,
      maxAttempts: n.maxAttempts,
      retryBaseMs: n.retryBaseMs,
      publicBaseUrl: n.publicBaseUrl,
      unconfirmedAfterMs: n.unconfirmedAfterMs,
      faultPauseAfterSendMs: n.faultPauseAfterSendMs,
    };
  }

  /** One pass over at most one batch. `now` is injectable so retries can be tested without waiting. */
  async deliverDue(now: Date = this.clock.now()): Promise<DeliveryOutcome> {
    const out: DeliveryOutcome = { sent: 0, retried: 0, failed: 0, unconfirmed: 0 };
    const abandoned = await this.repo.settleAbandoned(new Date(now.getTime() - this.settings.unconfirmedAfterMs), ABANDONED);
    if (abandoned.length > 0) {
      out.unconfirmed += abandoned.length;
      this.logger.warn({ notificationIds: abandoned }, 'notifications left unconfirmed by a stopped worker: not sent again');
    }
    for (let i = 0; i < this.settings.batchSize; i++) {
      const claimed = await this.repo.transaction(async (tx) => {
        const row = await this.repo.claimNext(tx, now);
        if (!row) return null;
        try {
          const message = await this.render(tx, row, now);
          await this.repo.markSending(tx, row.id, now);
          return { row, message };
        } catch (err) {
          // A template that does not render never will: give up at once instead of retrying.
          const retryAt = err instanceof UnknownTemplateError || err instanceof UnknownChannelError ? null : this.retryAt(row, now);
          await this.repo.markAttemptFailed(tx, row.id, describeFailure(err, row.recipient), retryAt);
          this.failed(out, row, retryAt, err);
          return { row, message: null };
        }
      });
      if (!claimed) break;
      if (claimed.message) await this.send(claimed.row, claimed.message, now, out);
    }
    return out;
  }

  private async send(row: PendingNotification, message: OutgoingMessage, now: Date, out: DeliveryOutcome): Promise<void> {
    let result: SendResult;
    try {
      result = await this.drivers[row.channel].send(message);
    } catch (err) {
      if (failedSendMeans(err) === 'unknown') {
        await this.repo.markUnconfirmed(row.id, describeFailure(err, row.recipient));
        out.unconfirmed++;
        this.logger.warn(
          { notificationId: row.id, channel: row.channel, code: errorCode(err) },
          'notification may have been delivered: not sent again',
        );
        return;
      }
      const retryAt = this.retryAt(row, now);
      await this.repo.markAttemptFailed(null, row.id, describeFailure(err, row.recipient), retryAt);
      this.failed(out, row, retryAt, err);
      return;
    }
    if (this.settings.faultPauseAfterSendMs > 0) await sleep(this.settings.faultPauseAfterSendMs);
    await this.repo.markSent(row.id, result.providerId ?? null, now);
    out.sent++;
  }

  private retryAt(row: PendingNotification, now: Date): Date | null {
    return nextAttemptAt(now, row.attempts + 1, this.settings);
  }

  private failed(out: DeliveryOutcome, row: PendingNotification, retryAt: Date | null, err: unknown): void {
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

  private async render(tx: EntityManager, row: PendingNotification, now: Date): Promise<OutgoingMessage> {
    if (!this.drivers[row.channel]) throw new UnknownChannelError(row.channel);
    // A message to the reporter carries its own link token, made now and kept hashed only: the
    // row's payload never holds it, and a retry makes a new one in place of the last.
    const payload = { reportId: row.reportId, ...row.payload };
    if (row.template === PRIVACY_CODE_TEMPLATE) {
      // Likewise a data subject's code: made now, kept as a keyed digest only, replaced by a retry.
      const verificationId = typeof row.payload.verificationId === 'string' ? row.payload.verificationId : null;
      const code = verificationId ? await this.privacyCodes.issueForMessage(tx, verificationId, now) : null;
      if (!code) throw new UnknownTemplateError(row.template);
      const { subject, text } = renderNotification(row.template, payload, { verificationCode: code });
      return { id: row.id, channel: row.channel, recipient: row.recipient, subject, text };
    }
    let message = renderNotification(row.template, payload, { publicBaseUrl: this.settings.publicBaseUrl });
    const code = typeof row.payload.code === 'string' ? row.payload.code : null;
    if (row.template.startsWith('citizen.') && row.reportId && code) {
      const { url } = await this.reporterAccess.issueMessageToken(tx, row.reportId, row.id, code, now);
      message = renderNotification(row.template, payload, { publicBaseUrl: this.settings.publicBaseUrl, reporterUrl: url });
    }
    const { subject, text } = message;
    return { id: row.id, channel: row.channel, recipient: row.recipient, subject, text };
  }
}

function errorCode(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; name?: string };
  return String(e.code ?? e.responseCode ?? e.name ?? 'unknown');
}
