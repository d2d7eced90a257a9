import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, CLOCK, systemClock } from '../../engine/clock/clock';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { codeMatches, hashVerificationCode, newVerificationCode, privacyDigestKey } from './privacy-code';
import { PrivacyCodesRepository } from './privacy-codes.repository';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export type CodeCheck = 'ok' | 'wrong' | 'none' | 'exhausted';

/**
 * One-time codes that prove control of an e-mail address (a data subject's request). The API
 * records a verification and the message; the worker makes the code when it sends the message
 * (so neither the message's row nor the queue ever holds it), keeping only its keyed digest.
 */
@Injectable()
export class PrivacyCodesService {
  private readonly key: string;
  private readonly ttlMs: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly repo: PrivacyCodesRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {
    this.key = privacyDigestKey(config.auth.jwtSecret);
    this.ttlMs = config.privacy.codeTtlMinutes * MINUTE_MS;
    this.maxAttempts = config.privacy.codeMaxAttempts;
  }

  /** Opens a verification of an address (by its digest), in the caller's transaction; its id. */
  async open(tx: EntityManager, emailDigest: Buffer): Promise<string> {
    const now = this.clock.now();
    await this.repo.purgeExpired(tx, new Date(now.getTime() - DAY_MS));
    return this.repo.create(tx, emailDigest, new Date(now.getTime() + this.ttlMs));
  }

  /** At sending: a new code for the verification, valid from `now` for the configured minutes; null once it was used. */
  async issueForMessage(tx: EntityManager, verificationId: string, now: Date): Promise<string | null> {
    const code = newVerificationCode();
    const set = await this.repo.setCode(
      tx,
      verificationId,
      hashVerificationCode(this.key, verificationId, code),
      new Date(now.getTime() + this.ttlMs),
    );
    return set ? code : null;
  }

  /**
   * Checks a code against the address's newest live verification. Every try counts, right or
   * wrong; past the allowed tries the verification is spent even for the right code.
   */
  async check(emailDigest: Buffer, code: string): Promise<CodeCheck> {
    const now = this.clock.now();
    const v = await this.repo.countTry(emailDigest, now);
    if (!v) return 'none';
    if (v.attempts > this.maxAttempts) return 'exhausted';
    if (!codeMatches(this.key, v.id, code, v.codeHash)) return v.attempts >= this.maxAttempts ? 'exhausted' : 'wrong';
    return (await this.repo.markUsed(v.id, now)) ? 'ok' : 'none';
  }
}
