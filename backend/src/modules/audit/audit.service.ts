import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { usernameKey } from '../users/username-key';
import type { AuditEventType } from './audit-event.entity';
import type { AuditEventView } from './audit.dto';
import { AuditFilter, AuditRepository } from './audit.repository';

/** Who did it: a signed-in user, or a user known only by id (a sign-in, a command), or nobody. */
/** Who acted: a signed-in user (a Principal fits), or nobody (a citizen, the system). */
export interface AuditUser {
  userId: string;
  role: string;
}
export type AuditActor = AuditUser | null;

/**
 * Audit events that belong to no single ticket (invariant 6): personal-data look-ups, sign-ins,
 * account and configuration changes. Each is written before the answer leaves the server, in the
 * same transaction as the change it records when there is one, so there is no change without
 * its trace.
 */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  /** An operator looked a phone number up: who, which number, and which reports it showed. */
  async callerHistorySearched(actor: AuditUser, phone: string, reportIds: readonly string[]): Promise<void> {
    await this.audit.append({
      type: 'caller_history_searched',
      actorUserId: actor.userId,
      actorRole: actor.role,
      subject: phone,
      resultCount: reportIds.length,
      data: { reportIds },
    });
  }

  /** A change or an event: `data` holds what it was before and after where there is a before. */
  async record(
    type: AuditEventType,
    actor: AuditActor,
    subject: string,
    data: Record<string, unknown> = {},
    tx?: EntityManager,
  ): Promise<void> {
    await this.audit.append(
      { type, actorUserId: actor?.userId ?? null, actorRole: actor?.role ?? null, subject, resultCount: null, data },
      tx,
    );
  }

  /** Retention: blanks the searched numbers and sign-in addresses of events before `cutoff`; returns how many. */
  erasePersonalBefore(cutoff: Date, reason: string): Promise<number> {
    return this.audit.erasePersonalBefore(cutoff, reason);
  }

  /**
   * Erasure of a data subject: the audit events that hold one of their numbers as the number
   * searched (the event stays: who searched, when, how many reports it showed).
   */
  eventsSearching(tx: EntityManager, phones: readonly string[]): Promise<string[]> {
    return this.audit.eventsSearching(tx, phones);
  }

  /** Blanks the personal values of the events `ids` (an erasure, or its replay); returns how many. */
  erasePersonalOf(tx: EntityManager, ids: readonly string[], reason: string): Promise<number> {
    return ids.length ? this.audit.eraseEvents(tx, ids, reason) : Promise.resolve(0);
  }

  /** Reading the trail is itself on the trail, with the filters used. */
  async read(
    reader: AuditUser,
    filter: Omit<AuditFilter, 'actor'> & { actor?: string },
  ): Promise<{ items: AuditEventView[]; total: number }> {
    const result = await this.audit.search({ ...filter, actorKey: filter.actor ? usernameKey(filter.actor) : undefined });
    await this.record('audit_read', reader, 'audit', {
      filter: { ...filter, from: filter.from?.toISOString(), to: filter.to?.toISOString() },
      resultCount: result.items.length,
    });
    return result;
  }
}
