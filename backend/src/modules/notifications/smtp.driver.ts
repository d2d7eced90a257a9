import { createTransport } from 'nodemailer';
import { NotificationDriver, OutgoingMessage, SendResult } from './notification-driver';

/** E-mail through an SMTP relay (SMTP_URL, e.g. smtp://user:pass@host:587; smtps:// for implicit TLS). */
export class SmtpDriver implements NotificationDriver {
  readonly name = 'smtp';
  private readonly transport: ReturnType<typeof createTransport>;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    // Short timeouts: a hung relay must not hold the claimed batch's row locks for minutes.
    this.transport = createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }, { from });
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const info = await this.transport.sendMail({
      to: message.recipient,
      subject: message.subject,
      text: message.text,
      // Idempotency hint for relays that honour it; the row id is stable across retries.
      headers: { 'X-1022-Notification-Id': message.id },
    });
    return { providerId: info.messageId };
  }

  close(): void {
    this.transport.close();
  }
}
