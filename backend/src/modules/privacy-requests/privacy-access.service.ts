import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock, CLOCK, systemClock } from '../../engine/clock/clock';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { AuditService } from '../audit/audit.service';
import { PRIVACY_CODE_TEMPLATE } from '../notifications/notification-templates';
import { NotificationsService } from '../notifications/notifications.service';
import { CODE_PATTERN, privacyDigestKey } from '../privacy-codes/privacy-code';
import { PrivacyCodesService } from '../privacy-codes/privacy-codes.service';
import { ReporterAccessService } from '../reporter-access/reporter-access.service';
import { LiveAccess, PrivacyAccessRepository } from './privacy-access.repository';
import { normalizeEmail, subjectDigest } from './privacy-request-rules';
import type { PrivacyAccessGrant, PrivacyAccessRequest } from './privacy-requests.dto';
import { PrivacyRequestsException } from './privacy-requests.exception';

const MINUTE_MS = 60_000;
const TOKEN_BYTES = 32;
const WELL_FORMED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const hashAccessToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/**
 * Proof that the caller controls the phone or address on record (Law 91/2025 art. 14: the data
 * controller answers the data subject, so it must know it is them): the reporter's private link,
 * or a one-time code e-mailed to the address. The proof buys a short-lived token, kept as its
 * SHA-256 (256 random bits, so a fast hash is enough), that names the verified identifiers.
 */
@Injectable()
export class PrivacyAccessService {
  private readonly digestKey: string;
  private readonly ttlMs: number;
  private readonly codeMinutes: number;

  constructor(
    private readonly repo: PrivacyAccessRepository,
    private readonly codes: PrivacyCodesService,
    private readonly notifications: NotificationsService,
    private readonly reporterAccess: ReporterAccessService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {
    this.digestKey = privacyDigestKey(config.auth.jwtSecret);
    this.ttlMs = config.privacy.accessTtlMinutes * MINUTE_MS;
    this.codeMinutes = config.privacy.codeTtlMinutes;
  }

  /**
   * Sends a code to the address only if some report or message holds it; the answer is the same
   * either way, so nobody learns from it whose address the city knows.
   */
  async sendCode(email: string): Promise<{ sent: true }> {
    const address = normalizeEmail(email);
    if (await this.repo.emailIsKnown(address)) {
      await this.repo.transaction(async (tx) => {
        const verificationId = await this.codes.open(tx, this.emailDigest(address));
        await this.notifications.record(
          {
            reportId: null,
            channel: 'email',
            recipient: email.trim(),
            unitId: null,
            template: PRIVACY_CODE_TEMPLATE,
            payload: { verificationId, minutes: this.codeMinutes },
            dedupeKey: `privacy-code:${verificationId}`,
          },
          tx,
        );
      });
    }
    return { sent: true };
  }

  /** Checks the proof and hands out a token; audited with the channel only. */
  async grant(body: PrivacyAccessRequest): Promise<PrivacyAccessGrant> {
    const identity = await this.verify(body);
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    const id = await this.repo.insert({ tokenHash: hashAccessToken(token), ...identity, expiresAt }, now);
    await this.audit.record('privacy_access_granted', null, `privacy_access:${id}`, { channel: identity.channel });
    return { accessToken: token, expiresAt: expiresAt.toISOString() };
  }

  /** The live access a token names; 401 without one, or for one unknown, expired or used for an erasure. */
  async resolve(token: string | undefined): Promise<LiveAccess> {
    if (!token) throw PrivacyRequestsException.accessRequired();
    if (!WELL_FORMED_TOKEN.test(token)) throw PrivacyRequestsException.accessInvalid();
    const access = await this.repo.findLive(null, hashAccessToken(token), this.clock.now());
    if (!access) throw PrivacyRequestsException.accessInvalid();
    return access;
  }

  /**
   * The token's access, locked in the caller's transaction and read again: two erasure requests
   * with one token make one erasure, the second finds no token.
   */
  async lockForErasure(tx: EntityManager, token: string, now: Date): Promise<LiveAccess> {
    const access = await this.repo.findLive(tx, hashAccessToken(token), now, true);
    if (!access) throw PrivacyRequestsException.accessInvalid();
    return access;
  }

  /** Voids a token: its row, with the identifiers it names, goes. */
  void(tx: EntityManager, accessId: string): Promise<void> {
    return this.repo.delete(tx, accessId);
  }

  /** An erasure voids every token of its subject, so no row keeps the identifiers it erased. */
  voidSubject(tx: EntityManager, phones: string[], emails: string[]): Promise<void> {
    return this.repo.deleteForSubject(tx, phones, emails.map(normalizeEmail));
  }

  private emailDigest(address: string): Buffer {
    return Buffer.from(subjectDigest(this.digestKey, 'email', address), 'hex');
  }

  private async verify(body: PrivacyAccessRequest): Promise<{ channel: 'web_link' | 'email_code'; phones: string[]; emails: string[] }> {
    const link = body.trackingCode !== undefined || body.secret !== undefined;
    const mail = body.email !== undefined || body.code !== undefined;
    if (link && !mail && body.trackingCode && body.secret) {
      const report = await this.repo.reportByCode(body.trackingCode);
      const allowed = report ? await this.reporterAccess.mayAct(this.repo.manager(), report.id, body.secret, this.clock.now()) : false;
      if (!report || !allowed) throw PrivacyRequestsException.proofInvalid();
      return {
        channel: 'web_link',
        phones: report.phone ? [report.phone] : [],
        emails: report.email ? [normalizeEmail(report.email)] : [],
      };
    }
    if (mail && !link && body.email && body.code) {
      if (!CODE_PATTERN.test(body.code)) throw PrivacyRequestsException.codeMalformed();
      const address = normalizeEmail(body.email);
      const check = await this.codes.check(this.emailDigest(address), body.code);
      if (check === 'exhausted') throw PrivacyRequestsException.codeExhausted();
      if (check !== 'ok') throw PrivacyRequestsException.proofInvalid();
      return { channel: 'email_code', phones: [], emails: [address] };
    }
    if (link && mail) throw PrivacyRequestsException.proofAmbiguous();
    const missing = link
      ? (['trackingCode', 'secret'] as const).filter((f) => !body[f])
      : mail
        ? (['email', 'code'] as const).filter((f) => !body[f])
        : (['trackingCode', 'secret'] as const);
    throw PrivacyRequestsException.proofRequired([...missing]);
  }
}
