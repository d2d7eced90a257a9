import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { ReporterAccessRepository } from './reporter-access.repository';
import { hashReporterSecret, isWellFormedSecret, matchesAnyHash, newReporterSecret, reporterLink } from './reporter-secret';
import { Clock, CLOCK, systemClock } from '../../engine/clock/clock';

export interface IssuedSecret {
  secret: string;
  /** The private link, a path unless a public base URL is configured. */
  url: string;
}

/**
 * The reporter's right to act on a ticket (invariant 7): secrets are issued here, stored hashed,
 * and checked here. Callers pass their transaction, so an issued secret commits with the write
 * that hands it out, and a check sees the ticket it locked.
 */
@Injectable()
export class ReporterAccessService {
  private readonly publicBaseUrl: string;
  private readonly messageTokenTtlMs: number;

  constructor(
    private readonly repo: ReporterAccessRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {
    this.publicBaseUrl = config.notifications.publicBaseUrl;
    this.messageTokenTtlMs = config.reporterAccess.messageLinkTtlDays * 86_400_000;
  }

  /** The filing secret, new (or replacing an earlier one of the same report). */
  async issueFilingSecret(tx: EntityManager, reportId: string, code: string): Promise<IssuedSecret> {
    const secret = newReporterSecret();
    await this.repo.replaceFilingSecret(tx, reportId, hashReporterSecret(secret));
    return { secret, url: reporterLink(code, secret, this.publicBaseUrl) };
  }

  /** A new filing secret whose hash the caller stores (intake writes it in its one statement). */
  newFilingSecret(): { secret: string; hash: Buffer } {
    const secret = newReporterSecret();
    return { secret, hash: hashReporterSecret(secret) };
  }

  link(code: string, secret: string): string {
    return reporterLink(code, secret, this.publicBaseUrl);
  }

  /** The link token of one message, valid for the configured number of days. */
  async issueMessageToken(
    tx: EntityManager,
    reportId: string,
    notificationId: string,
    code: string,
    now: Date,
  ): Promise<IssuedSecret & { expiresAt: Date }> {
    const secret = newReporterSecret();
    const expiresAt = new Date(now.getTime() + this.messageTokenTtlMs);
    await this.repo.replaceMessageToken(tx, reportId, notificationId, hashReporterSecret(secret), expiresAt);
    return { secret, url: reporterLink(code, secret, this.publicBaseUrl), expiresAt };
  }

  /** Whether `secret` is the report's filing secret or a live message token for it. */
  async mayAct(q: EntityManager, reportId: string, secret: string | undefined, now: Date = this.clock.now()): Promise<boolean> {
    if (!isWellFormedSecret(secret)) return false;
    return matchesAnyHash(secret, await this.repo.validHashes(q, reportId, now));
  }
}
