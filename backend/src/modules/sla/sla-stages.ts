/**
 * The stages of a clock, as fractions of its target: three warnings to the unit, the breach
 * (escalated to the supervising unit), and a second escalation to the city at half as long
 * again. Names are stable: they are part of job ids and of the fired-stage records.
 */
export const SLA_STAGES = [
  { name: 'warn50', fraction: 0.5 },
  { name: 'warn75', fraction: 0.75 },
  { name: 'warn90', fraction: 0.9 },
  { name: 'breach', fraction: 1 },
  { name: 'escalate', fraction: 1.5 },
] as const;

export type SlaStageName = (typeof SLA_STAGES)[number]['name'];

export function isStage(name: string): name is SlaStageName {
  return SLA_STAGES.some((s) => s.name === name);
}

const STAGE_CODE: Record<SlaStageName, string> = { warn50: 'w50', warn75: 'w75', warn90: 'w90', breach: 'b', escalate: 'e' };
const CODE_STAGE = Object.fromEntries(Object.entries(STAGE_CODE).map(([k, v]) => [v, k])) as Record<string, SlaStageName>;

/**
 * `sla:<clock>:<stage>` — the clock row stands for the ticket, its kind and its cycle. Short on
 * purpose: BullMQ copies the id into the job's options, and Redis keeps a job hash compact only
 * while every value stays under 64 bytes (see docs/benchmarks.md, sla-timers).
 */
export function timerJobId(clockId: string, stage: SlaStageName): string {
  return `sla:${clockId}:${STAGE_CODE[stage]}`;
}

export function parseTimerJobId(jobId: string): { clockId: string; stage: SlaStageName } | null {
  const m = /^sla:(\d+):([a-z0-9]+)$/.exec(jobId);
  const stage = m ? CODE_STAGE[m[2]] : undefined;
  return m && stage ? { clockId: m[1], stage } : null;
}
