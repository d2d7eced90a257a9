import { NotificationDriver, OutgoingMessage, SendResult } from './notification-driver';

/**
 * The default driver: sends nothing. The notification row already holds what would be sent, to
 * whom and why; delivery marks it sent with provider id `recording:<id>`, so development, tests
 * and the officials' UI (internal channel) work without a network.
 */
export class RecordingDriver implements NotificationDriver {
  readonly name = 'recording';

  async send(message: OutgoingMessage): Promise<SendResult> {
    return { providerId: `recording:${message.id}` };
  }
}
