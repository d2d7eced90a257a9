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

  recordMany(tx: EntityManager, list: NewNotification[]): Promise<void> {
    return this.notifications.recordMany(tx, list);
  }

  /** Tells a unit, in the transaction that assigned it, that a ticket landed in its queue. */
  async unitAssigned(tx: EntityManager, reportId: string, unitId: string, dedupeKey: string): Promise<boolean> {
    return this.notifications.recordForUnit(tx, { reportId, unitId, template: 'ticket.assigned', payload: { reportId }, dedupeKey });
  }

  /** Retention: blanks the recipients of citizens' messages sent or given up before `cutoff`; returns how many. */
  blankCitizenRecipientsBefore(cutoff: Date, limit: number): Promise<number> {
    return this.notifications.blankCitizenRecipientsBefore(cutoff, limit);
  }
}

/** The notice a unit gets when a new ticket is first assigned to it (once per ticket and unit). */
export function newTicketAssigned(reportId: string, unitId: string): { template: string; dedupeKey: string } {
  return { template: 'ticket.assigned', dedupeKey: `assigned:${reportId}:${unitId}:new` };
}
