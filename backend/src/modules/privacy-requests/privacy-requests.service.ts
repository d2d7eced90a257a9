import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK, systemClock } from '../../engine/clock/clock';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { OutboxRepository } from '../../engine/outbox/outbox.repository';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { privacyDigestKey } from '../privacy-codes/privacy-code';
import { exportCounts, PersonalDataExportService } from './personal-data-export.service';
import { PrivacyAccessService } from './privacy-access.service';
import {
  isOverdue,
  mayHandle,
  mayHandleAs,
  mayLog,
  mayRead,
  normalizeEmail,
  privacyRequestDueAt,
  subjectDigests,
} from './privacy-request-rules';
import type {
  ErasureAccepted,
  NewPrivacyRequest,
  PersonalDataExport,
  PrivacyRequestListQuery,
  PrivacyRequestPage,
  PrivacyRequestView,
} from './privacy-requests.dto';
import { PrivacyRequestsException } from './privacy-requests.exception';
import { PrivacyRequestRow, PrivacyRequestsRepository } from './privacy-requests.repository';
import { PersonalDataErasureService } from '../privacy/erasure/personal-data-erasure.service';

/** The outbox topic that has the worker run a self-service erasure (its id is the job id: one run per request). */
export const ERASURE_REQUESTED_TOPIC = 'privacy.erasure_requested';

/**
 * A data subject's requests (Law 91/2025/QH15; Decree 13/2023/ND-CP art. 9, 14, 16): a copy of
 * what is held, and erasure — by the subject with a verified token, or logged by staff for a
 * call, letter or visit. Every request is on the audit trail (received, completed, rejected) with
 * ids and counts, never the values; once handled, its row keeps only digests of the identifiers.
 */
@Injectable()
export class PrivacyRequestsService {
  private readonly digestKey: string;
  private readonly responseHours: number;

  constructor(
    private readonly repo: PrivacyRequestsRepository,
    private readonly access: PrivacyAccessService,
    private readonly exporter: PersonalDataExportService,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditService,
    private readonly eraser: PersonalDataErasureService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {
    this.digestKey = privacyDigestKey(config.auth.jwtSecret);
    this.responseHours = config.privacy.responseHours;
  }

  /**
   * The subject's own copy. Each token's first download is recorded as a handled access request
   * (the proof that it was answered); every download is audited with its counts.
   */
  async myData(token: string | undefined): Promise<PersonalDataExport> {
    const access = await this.access.resolve(token);
    const now = this.clock.now();
    const keys = this.keysOf(access.phones, access.emails);
    const data = await this.exporter.build(keys, now);
    await this.repo.transaction(async (tx) => {
      const { id } = await this.repo.insert(tx, {
        kind: 'access',
        channel: access.channel,
        status: 'completed',
        receivedAt: now,
        dueAt: privacyRequestDueAt(now, this.responseHours),
        handledAt: now,
        phones: [],
        emails: [],
        name: null,
        digests: keys.digests,
        identityCheck: null,
        reason: 'self-service',
        outcome: exportCounts(data),
        accessId: access.id,
        loggedBy: null,
      });
      await this.audit.record(
        'privacy_data_exported',
        null,
        `privacy_request:${id}`,
        { channel: access.channel, counts: exportCounts(data) },
        tx,
      );
    });
    return data;
  }

  /**
   * The subject asks for erasure: the request is recorded, the token voided and the worker told
   * through the outbox, in one transaction; the answer does not wait for the erasure.
   */
  async requestErasure(token: string | undefined): Promise<ErasureAccepted> {
    await this.access.resolve(token);
    const now = this.clock.now();
    return this.repo.transaction(async (tx) => {
      const access = await this.access.lockForErasure(tx, token as string, now);
      const keys = this.keysOf(access.phones, access.emails);
      const { id } = await this.repo.insert(tx, {
        kind: 'erasure',
        channel: access.channel,
        status: 'received',
        receivedAt: now,
        dueAt: privacyRequestDueAt(now, this.responseHours),
        handledAt: null,
        phones: keys.phones,
        emails: keys.emails,
        name: null,
        digests: keys.digests,
        identityCheck: null,
        reason: 'self-service',
        outcome: null,
        accessId: access.id,
        loggedBy: null,
      });
      await this.outbox.enqueue(tx, ERASURE_REQUESTED_TOPIC, id);
      await this.access.void(tx, access.id);
      await this.audit.record('privacy_request_received', null, `privacy_request:${id}`, { kind: 'erasure', channel: access.channel }, tx);
      return { requestId: id, status: 'received' as const };
    });
  }

  /**
   * Runs an erasure, at most once to completion: the subject (reports, names) is fixed and
   * committed first, so a retry after a crash erases the same subject again (the erasure is
   * idempotent); the completion waits on the request's row lock, so two runners never both
   * complete it. Returns the request as it ends.
   */
  async executeErasure(id: string, actor: Principal | null): Promise<PrivacyRequestRow> {
    const started = await this.repo.transaction(async (tx) => {
      const row = await this.repo.get(tx, id, true);
      if (!row || row.kind !== 'erasure') throw PrivacyRequestsException.notFound(id);
      if (row.status === 'rejected') throw PrivacyRequestsException.alreadyHandled(row.status);
      if (row.status === 'completed' || row.reportIds) return row;
      const found = await this.repo.subjectReports(row.phones, row.emails.map(normalizeEmail));
      const names = [...new Set([...found.names, ...(row.name ? [row.name] : [])])];
      await this.repo.start(tx, id, found.reportIds, names);
      return { ...row, status: 'in_progress' as const, reportIds: found.reportIds, names };
    });
    if (started.status === 'completed') return started;
    return this.repo.transaction(async (tx) => {
      const row = await this.repo.get(tx, id, true);
      if (!row || row.status !== 'in_progress') return row ?? started;
      const outcome = await this.eraser.eraseSubject(
        { phones: row.phones, emails: row.emails.map(normalizeEmail), names: row.names ?? [], reportIds: row.reportIds ?? [] },
        { requestId: id, reason: `privacy_request:${id}`, actorUserId: actor?.userId ?? null },
      );
      await this.access.voidSubject(tx, row.phones, row.emails);
      const counts = { ...outcome };
      await this.repo.complete(tx, id, counts, actor?.userId ?? null, this.clock.now());
      await this.audit.record('privacy_request_completed', actor, `privacy_request:${id}`, { kind: 'erasure', outcome: counts }, tx);
      return (await this.repo.get(tx, id)) as PrivacyRequestRow;
    });
  }

  /** Self-service erasures not completed (a crash, an erasure that failed): taken again by the worker's sweep. */
  openErasures(limit: number): Promise<string[]> {
    return this.repo.openErasures(limit);
  }

  // Staff.

  async list(p: Principal, q: PrivacyRequestListQuery): Promise<PrivacyRequestPage> {
    const page = await this.repo.list({ ...q, loggedBy: p.role === 'admin' ? undefined : p.userId });
    const now = this.clock.now();
    return { items: page.items.map((r) => this.view(r, now)), total: page.total };
  }

  async get(p: Principal, id: string): Promise<PrivacyRequestView> {
    return this.view(await this.readable(p, id), this.clock.now());
  }

  async create(p: Principal, body: NewPrivacyRequest): Promise<PrivacyRequestView> {
    if (!mayLog(p.role, body.channel)) throw PrivacyRequestsException.channelNotAllowed(body.channel);
    const phones = [...new Set(body.phones)];
    const emails = [...new Set(body.emails.map(normalizeEmail))];
    if (phones.length === 0 && emails.length === 0) throw PrivacyRequestsException.subjectRequired();
    const now = this.clock.now();
    const id = await this.repo.transaction(async (tx) => {
      const { id: created } = await this.repo.insert(tx, {
        kind: body.kind,
        channel: body.channel,
        status: 'received',
        receivedAt: now,
        dueAt: privacyRequestDueAt(now, this.responseHours),
        handledAt: null,
        phones,
        emails,
        name: body.name ?? null,
        digests: subjectDigests(this.digestKey, phones, emails),
        identityCheck: body.identityCheck,
        reason: body.reason,
        outcome: null,
        accessId: null,
        loggedBy: p.userId,
      });
      await this.audit.record('privacy_request_received', p, `privacy_request:${created}`, { kind: body.kind, channel: body.channel }, tx);
      return created;
    });
    return this.get(p, id);
  }

  /** The copy for a letter answer, while the request is open (afterwards its identifiers are gone). */
  async exportFor(p: Principal, id: string): Promise<PersonalDataExport> {
    const row = await this.handleable(p, id);
    const data = await this.exporter.build(this.keysOf(row.phones, row.emails), this.clock.now());
    await this.audit.record('privacy_data_exported', p, `privacy_request:${id}`, { channel: row.channel, counts: exportCounts(data) });
    return data;
  }

  /** Completes a request: an access request records what the answer held; an erasure runs now. */
  async complete(p: Principal, id: string): Promise<PrivacyRequestView> {
    const row = await this.handleable(p, id);
    if (row.kind === 'erasure') return this.view(await this.executeErasure(id, p), this.clock.now());
    const data = await this.exporter.build(this.keysOf(row.phones, row.emails), this.clock.now());
    await this.repo.transaction(async (tx) => {
      const locked = await this.repo.get(tx, id, true);
      if (!locked || !mayHandle(locked.status)) throw PrivacyRequestsException.alreadyHandled(locked?.status ?? 'gone');
      await this.repo.complete(tx, id, exportCounts(data), p.userId, this.clock.now());
      await this.audit.record('privacy_request_completed', p, `privacy_request:${id}`, { kind: 'access', outcome: exportCounts(data) }, tx);
    });
    return this.get(p, id);
  }

  async reject(p: Principal, id: string, reason: string): Promise<PrivacyRequestView> {
    await this.handleable(p, id);
    await this.repo.transaction(async (tx) => {
      const locked = await this.repo.get(tx, id, true);
      if (!locked || !mayHandle(locked.status)) throw PrivacyRequestsException.alreadyHandled(locked?.status ?? 'gone');
      await this.repo.reject(tx, id, reason, p.userId, this.clock.now());
      await this.audit.record('privacy_request_rejected', p, `privacy_request:${id}`, { kind: locked.kind }, tx);
    });
    return this.get(p, id);
  }

  private async readable(p: Principal, id: string): Promise<PrivacyRequestRow> {
    const row = await this.repo.get(null, id);
    if (!row || !mayRead(p.role, p.userId, row.loggedBy)) throw PrivacyRequestsException.notFound(id);
    return row;
  }

  private async handleable(p: Principal, id: string): Promise<PrivacyRequestRow> {
    const row = await this.readable(p, id);
    if (!mayHandleAs(p.role)) throw PrivacyRequestsException.notFound(id);
    if (!mayHandle(row.status)) throw PrivacyRequestsException.alreadyHandled(row.status);
    return row;
  }

  private keysOf(phones: string[], emails: string[]) {
    const e = emails.map(normalizeEmail);
    return { phones, emails: e, digests: subjectDigests(this.digestKey, phones, e) };
  }

  private view(r: PrivacyRequestRow, now: Date): PrivacyRequestView {
    return {
      id: r.id,
      kind: r.kind,
      channel: r.channel,
      status: r.status,
      receivedAt: r.receivedAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      overdue: isOverdue(r.status, r.dueAt, now),
      handledAt: r.handledAt ? r.handledAt.toISOString() : null,
      subject: { phones: r.phones, emails: r.emails, name: r.name },
      identityCheck: r.identityCheck,
      reason: r.reason,
      rejectReason: r.rejectReason,
      outcome: r.outcome,
      loggedBy: r.loggedByName,
      handledBy: r.handledByName,
    };
  }
}
