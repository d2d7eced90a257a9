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
      // The same message whatever the attempt: a relay, a mailbox or a test can tell a resend.
      messageId: notificationMessageId(message.id, this.from),
      to: message.recipient,
      subject: message.subject,
      text: message.text,
      headers: { 'X-1022-Notification-Id': message.id },
    });
    return { providerId: info.messageId };
  }

  close(): void {
    this.transport.close();
  }
}

/** The Message-ID of notification `id`: stable across attempts, in the sender's domain (RFC 5322 §3.6.4). */
export function notificationMessageId(id: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  return `<notification.${id}@${domain}>`;
}
