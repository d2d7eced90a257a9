import { Inject, Injectable } from '@nestjs/common';
import * as QRCode from 'qrcode';
import { RateLimitService } from '../../engine/rate-limit/rate-limit.service';
import { AuditService } from '../audit/audit.service';
import { Clock, CLOCK } from '../../engine/clock/clock';
import type { Enrolment } from './auth.dto';
import { AuthException } from './auth.exception';
import type { Principal } from './principal';
import { acceptedStep, isRecoveryCode, newRecoveryCodes, newTotpSecret, otpauthUri, recoveryCodeHash } from './second-factor';
import { SecondFactorRepository } from './second-factor.repository';
import { SessionsService } from './sessions.service';

/** TOTP second factor: enrolment (a secret confirmed by its first code), checking codes, the admin's reset. */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly factors: SecondFactorRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly limits: RateLimitService,
  ) {}

  async enrol(p: Principal): Promise<Enrolment> {
    const current = await this.factors.find(p.userId);
    if (current?.enabledAt) throw AuthException.secondFactorEnrolled();
    const secret = newTotpSecret();
    await this.factors.setPending(p.userId, secret);
    const uri = otpauthUri(p.username, secret);
    return { secret, otpauthUri: uri, qrCode: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 }) };
  }

  /** The first code proves the app holds the secret; the recovery codes are shown this once. */
  async confirm(p: Principal, code: string): Promise<{ recoveryCodes: string[] }> {
    const current = await this.factors.find(p.userId);
    if (current?.enabledAt) throw AuthException.secondFactorEnrolled();
    if (!current?.pendingSecret) throw AuthException.noPendingSecondFactor();
    const step = acceptedStep(current.pendingSecret, code, this.nowSeconds(), null);
    if (step === null) throw AuthException.invalidSecondFactor();
    const recoveryCodes = newRecoveryCodes();
    if (!(await this.factors.enable(p.userId, current.pendingSecret, step, recoveryCodes.map(recoveryCodeHash), this.clock.now())))
      throw AuthException.noPendingSecondFactor();
    await this.audit.record('second_factor_enrolled', p, `user:${p.userId}`, { factor: 'totp', recoveryCodes: recoveryCodes.length });
    // The sessions' state says "must enrol" until asked again.
    await this.sessions.authorityChanged(p.userId);
    return { recoveryCodes };
  }

  async enrolled(userId: string): Promise<boolean> {
    return Boolean((await this.factors.find(userId))?.enabledAt);
  }

  /**
   * A current TOTP code (each good once) or an unused recovery code. The tries per account are
   * limited (RATE_LIMIT_SECOND_FACTOR, five in five minutes) on every process, counted in Redis
   * and, while Redis is away, in each process.
   */
  async check(userId: string, code: string): Promise<'totp' | 'recovery_code' | null> {
    await this.limits.enforce('secondFactor', { ip: '', account: `user:${userId}` });
    if (isRecoveryCode(code))
      return (await this.factors.useRecoveryCode(userId, recoveryCodeHash(code), this.clock.now())) ? 'recovery_code' : null;
    const factor = await this.factors.find(userId);
    if (!factor?.secret || !factor.enabledAt) return null;
    const step = acceptedStep(factor.secret, code, this.nowSeconds(), factor.lastStep);
    return step !== null && (await this.factors.takeStep(userId, step)) ? 'totp' : null;
  }

  /** An admin's reset: the factor and its recovery codes go, and every session of the user ends. */
  async reset(userId: string, actor: Principal): Promise<boolean> {
    if (!(await this.factors.clear(userId))) return false;
    await this.audit.record('second_factor_reset', actor, `user:${userId}`, { factor: 'totp' });
    await this.sessions.end(userId, null, 'second_factor_reset');
    return true;
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}
