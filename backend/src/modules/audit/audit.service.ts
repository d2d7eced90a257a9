import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { AuditRepository } from './audit.repository';

/**
 * Audit events that belong to no single ticket (invariant 6 for personal data). Each is written
 * before the data it records leaves the server, so there is no view without its trace.
 */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  /** An operator looked a phone number up: who, which number, and which reports it showed. */
  async callerHistorySearched(actor: Principal, phone: string, reportIds: readonly string[]): Promise<void> {
    await this.audit.append({
      type: 'caller_history_searched',
      actorUserId: actor.userId,
      actorRole: actor.role,
      subject: phone,
      resultCount: reportIds.length,
      data: { reportIds },
    });
  }
}
