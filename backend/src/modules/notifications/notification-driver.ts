/** One rendered message on its way out. Drivers get only what they must send: no payload, no report. */
export interface OutgoingMessage {
  /** The notification row id (a provider can use it as an idempotency key). */
  id: string;
  channel: NotificationChannel;
  recipient: string;
  subject: string;
  text: string;
}

export type NotificationChannel = 'internal' | 'email' | 'sms';

export interface SendResult {
  providerId?: string;
}

/** Sends one message on one channel; throws when the provider refused or could not be reached. */
export interface NotificationDriver {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendResult>;
}

/**
 * SMS goes through a gateway with its own contract (brand name, Vietnamese carriers' templates);
 * only the recording implementation exists today, a real gateway plugs in behind SMS_DRIVER later.
 */
export type SmsDriver = NotificationDriver;

export const INTERNAL_DRIVER = Symbol('INTERNAL_NOTIFICATION_DRIVER');
export const EMAIL_DRIVER = Symbol('EMAIL_NOTIFICATION_DRIVER');
export const SMS_DRIVER = Symbol('SMS_NOTIFICATION_DRIVER');

export type NotificationDrivers = Record<NotificationChannel, NotificationDriver>;
