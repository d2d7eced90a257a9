import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { OutboxRepository } from '../../engine/outbox/outbox.repository';
import { GeoException } from '../geo/geo.exception';
import { ReporterAccessService } from '../reporter-access/reporter-access.service';
import { FiledReport, IntakeContext, IntakeInput, IntakeResult } from './intake.dto';
import { IntakeException } from './intake.exception';
import { IntakeCategory, IntakeRepository, NewReport, SavedReport } from './intake.repository';
import { checkAttributes } from './report-attributes';
import { Clock, CLOCK } from '../../engine/clock/clock';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const CATEGORY_CACHE_MS = 60_000;

/**
 * The one way a report enters the system, whatever the channel: validate, find the ward that
 * contains the point and write the report, its first timeline event, its photos and an outbox
 * row in one transaction (invariant 1). Routing happens after commit, from the outbox.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly intake: IntakeRepository,
    private readonly outbox: OutboxRepository,
    private readonly reporterAccess: ReporterAccessService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private categories: { byCode: Map<string, IntakeCategory>; at: number } | null = null;

  /** Categories change rarely (an admin edit); a minute's cache spares intake a query per report. */
  private async category(code: string): Promise<IntakeCategory | null> {
    if (!this.categories || this.clock.now().getTime() - this.categories.at > CATEGORY_CACHE_MS)
      this.categories = { byCode: await this.intake.activeCategories(), at: this.clock.now().getTime() };
    return this.categories.byCode.get(code) ?? null;
  }

  /**
   * Files a report and answers it with the reporter's secret. A replay of an idempotent filing
   * cannot repeat the first secret (only its hash is kept): it issues a new one, which replaces
   * the first, so whoever retried holds the one secret that works.
   */
  async submit(input: IntakeInput, ctx: IntakeContext = {}): Promise<{ result: FiledReport; replayed: boolean }> {
    if (ctx.idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(ctx.idempotencyKey)) throw IntakeException.invalidIdempotencyKey();
    const category = await this.category(input.categoryCode);
    if (!category) throw IntakeException.unknownCategory(input.categoryCode);
    const attributes = {
      ...checkAttributes(category.attributes, input.attributes ?? {}),
      ...(input.mediaUrl ? { media_url: input.mediaUrl } : {}),
    };
    const scope = ctx.actor?.userId ?? 'anonymous';
    const requestHash = fingerprint(input);

    const report: NewReport = {
      code: '',
      channel: input.channel,
      categoryId: category.id,
      description: input.description,
      lng: input.lng,
      lat: input.lat,
      address: input.address ?? null,
      priority: category.defaultPriority,
      reporter: {
        name: input.reporter?.name ?? null,
        phone: input.reporter?.phone ?? null,
        email: input.reporter?.email ?? null,
        hideIdentity: input.reporter?.hideIdentity ?? false,
      },
      attributes,
      createdAt: input.createdAt ?? this.clock.now(),
      actor: ctx.actor ?? null,
      secretHash: Buffer.alloc(0),
    };
    const photos = [...new Set(input.photoUploadIds ?? [])];
    const toResult = (saved: SavedReport | null): IntakeResult => {
      if (!saved) throw GeoException.outsideCity(input.lat, input.lng);
      return {
        id: saved.id,
        code: saved.code,
        status: 'new',
        channel: input.channel,
        category: { code: category.code, nameVi: category.nameVi, nameEn: category.nameEn },
        ward: { code: saved.ward.code, name: saved.ward.name },
        createdAt: new Date(saved.createdAt).toISOString(),
        trackingUrl: `/track/${saved.code}`,
      };
    };

    const { secret, hash } = this.reporterAccess.newFilingSecret();
    report.secretHash = hash;
    const withSecret = (result: IntakeResult, s: string): FiledReport => ({
      ...result,
      reporterSecret: s,
      reporterUrl: this.reporterAccess.link(result.code, s),
    });

    const outcome = await withCodeRetry(async () => {
      // Nothing else to write: the one statement is the transaction.
      if (!ctx.idempotencyKey && photos.length === 0)
        return { result: withSecret(toResult(await this.intake.insertReport(this.intake.manager, report)), secret), replayed: false };
      return this.intake.transaction(async (tx) => {
        if (ctx.idempotencyKey) {
          if (!(await this.intake.tryLockKey(tx, scope, ctx.idempotencyKey))) throw IntakeException.idempotencyInProgress();
          const stored = await this.intake.storedAnswer(tx, scope, ctx.idempotencyKey);
          if (stored) {
            if (stored.requestHash !== requestHash) throw IntakeException.idempotencyKeyReused();
            const first = stored.response as unknown as IntakeResult;
            const rotated = await this.reporterAccess.issueFilingSecret(tx, first.id, first.code);
            return { result: withSecret(first, rotated.secret), replayed: true };
          }
        }
        const result = toResult(await this.intake.insertReport(tx, report));
        const claimed = await this.intake.claimUploads(tx, result.id, photos);
        if (claimed.length !== photos.length) throw IntakeException.unknownUpload(photos.filter((p) => !claimed.includes(p)));
        // The stored answer never holds the secret: a replay gets a new one.
        if (ctx.idempotencyKey) await this.intake.storeAnswer(tx, scope, ctx.idempotencyKey, requestHash, result.id, result);
        return { result: withSecret(result, secret), replayed: false };
      });
    });
    // After the commit, not inside it: NOTIFY inside a transaction holds a global lock through
    // commit and serialises every intake. The relay's poll covers a lost notification.
    if (!outcome.replayed) this.outbox.notify();
    return outcome;
  }
}

/** Retries a write whose random tracking code collided with an existing one. */
async function withCodeRetry<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      const constraint =
        (err as { constraint?: string; driverError?: { constraint?: string } }).constraint ??
        (err as { driverError?: { constraint?: string } }).driverError?.constraint;
      if (constraint !== 'uq_report_code' || attempt >= 5) throw err;
    }
  }
}

/** Required attributes present, list answers among the allowed keys; unknown attributes are kept as given. */
/** A stable digest of what was asked, so a reused key with another body is told apart from a retry. */
export function fingerprint(input: IntakeInput): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object' && !(v instanceof Date)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('hex');
}
