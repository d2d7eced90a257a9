import { randomUUID } from 'node:crypto';
import { BEN_THANH } from '../places';

/** One HTTP answer (or a transport failure, status 0) to one attempt. */
export interface Attempt {
  status: number;
  ms: number;
  /** When it was answered, ms since the load started. */
  at: number;
  id?: string;
  retryAfter?: string;
  code?: string;
}

/** One report the load generator meant to file, with every attempt made for it under one Idempotency-Key. */
export interface IntendedReport {
  key: string;
  description: string;
  attempts: Attempt[];
  /** The id of the first 201 (or replayed 201); null when no attempt succeeded. */
  id: string | null;
  /** Every id answered for this key: more than one means a doubled report. */
  ids: Set<string>;
}

export interface LoadOptions {
  /** One API, or several behind no balancer: attempts go round them (a retry may reach another). */
  baseUrl: string | string[];
  reports: number;
  concurrency: number;
  /** Share (0–1) of reports sent a second time with the same key after their first 201, as a client that lost the answer. */
  retryShare: number;
  /** A failed attempt (5xx, 429, no answer) is retried with the same key after this long, until `giveUpMs` after the first. */
  retryDelayMs?: number;
  giveUpMs?: number;
  /** New reports a second at most, over all lanes (default: as fast as answered). */
  ratePerSecond?: number;
  /** Stops sending new reports (attempts in flight finish). */
  signal?: AbortSignal;
  /** Counts reports begun so far, for a test that stops the load once enough were sent. */
  progress?: { begun: number };
  requestTimeoutMs?: number;
  /** The array the reports are recorded in as they begin, for a test that checks them while the load runs. */
  record?: IntendedReport[];
}

/**
 * Files reports over HTTP as citizens' apps do: each report under its own Idempotency-Key,
 * retried with the same key until answered (5xx, 429 or no answer count as not answered), a
 * share of them sent again after their 201. Every answer is recorded for the checks.
 */
export async function runIntakeLoad(o: LoadOptions): Promise<{ intended: IntendedReport[]; ms: number }> {
  const started = Date.now();
  const intended: IntendedReport[] = o.record ?? [];
  const retryDelayMs = o.retryDelayMs ?? 250;
  const giveUpMs = o.giveUpMs ?? 120_000;
  const timeoutMs = o.requestTimeoutMs ?? 15_000;
  let next = 0;
  const urls = Array.isArray(o.baseUrl) ? o.baseUrl : [o.baseUrl];
  let turn = 0;

  const attempt = async (r: IntendedReport): Promise<Attempt> => {
    const sent = Date.now();
    try {
      const res = await fetch(`${urls[turn++ % urls.length]}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': r.key },
        body: JSON.stringify({ category: 'pothole', ...BEN_THANH, description: r.description }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let body: { id?: string; code?: string } = {};
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        body = {};
      }
      const a: Attempt = { status: res.status, ms: Date.now() - sent, at: Date.now() - started };
      if (res.status === 201 || res.status === 200) a.id = body.id;
      else a.code = body.code;
      const retryAfter = res.headers.get('retry-after');
      if (retryAfter !== null) a.retryAfter = retryAfter;
      return a;
    } catch (err) {
      return { status: 0, ms: Date.now() - sent, at: Date.now() - started, code: (err as Error).name };
    }
  };

  const fileOne = async (r: IntendedReport, first: number) => {
    for (;;) {
      const a = await attempt(r);
      r.attempts.push(a);
      if (a.id) {
        r.ids.add(a.id);
        r.id ??= a.id;
        return;
      }
      // 4xx other than 409 (in progress) and 429 is an answer: the request itself was refused.
      if (a.status >= 400 && a.status < 500 && a.status !== 409 && a.status !== 429) return;
      if (Date.now() - first > giveUpMs) return;
      await new Promise((res) => setTimeout(res, retryDelayMs));
    }
  };

  const lane = async () => {
    const gapMs = o.ratePerSecond ? (1000 * o.concurrency) / o.ratePerSecond : 0;
    while (!o.signal?.aborted) {
      const began = Date.now();
      const i = next++;
      if (i >= o.reports) return;
      if (o.progress) o.progress.begun = i + 1;
      const r: IntendedReport = {
        key: randomUUID(),
        description: `Ổ gà sâu giữa làn đường, tải thử ${i} ${randomUUID()}`,
        attempts: [],
        id: null,
        ids: new Set(),
      };
      intended.push(r);
      await fileOne(r, Date.now());
      // Evenly spread over the run, not by chance: the same share in every run.
      if (r.id && Math.floor((i + 1) * o.retryShare) > Math.floor(i * o.retryShare)) await fileOne(r, Date.now());
      const wait = gapMs - (Date.now() - began);
      if (wait > 0 && !o.signal?.aborted) await new Promise((res) => setTimeout(res, wait));
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, lane));
  return { intended, ms: Date.now() - started };
}

/** Counts of answers by status over every attempt ("0" = no answer). */
export function statusCounts(intended: IntendedReport[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of intended) for (const a of r.attempts) counts[String(a.status)] = (counts[String(a.status)] ?? 0) + 1;
  return counts;
}

/** Percentile (0–100) of a list of numbers; NaN for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
