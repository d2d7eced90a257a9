import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NewNotification, NotificationsRepository } from './notifications.repository';

/**
 * The notification port. This driver records every message in PostgreSQL (what would be sent,
 * to whom, why), which is also the audit of what was sent once delivery drivers are attached.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  record(n: NewNotification, tx?: EntityManager): Promise<boolean> {
    return this.notifications.record(n, tx);
  }

  /** Tells a unit that a ticket landed in its queue. */
  async unitAssigned(reportId: string, unitId: string, dedupeKey: string): Promise<boolean> {
    const unit = await this.notifications.unitAddress(unitId);
    if (!unit) return false;
    return this.record({ reportId, channel: 'internal', recipient: unit.code, unitId, template: 'ticket.assigned', payload: { reportId }, dedupeKey });
  }
}
