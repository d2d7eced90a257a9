import type { SlaKind } from './sla-clock.entity';

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

/** `sla:<ticket>:<kind>.<cycle>.<stage>` — BullMQ accepts ':' only in exactly this three-part form. */
export function timerJobId(reportId: string, kind: SlaKind, cycle: number, stage: SlaStageName): string {
  return `sla:${reportId}:${kind}.${cycle}.${stage}`;
}

export function parseTimerJobId(jobId: string): { reportId: string; kind: SlaKind; cycle: number; stage: SlaStageName } | null {
  const m = /^sla:([0-9a-f-]{36}):(response|resolution)\.(\d+)\.([a-z0-9]+)$/.exec(jobId);
  if (!m || !isStage(m[4])) return null;
  return { reportId: m[1], kind: m[2] as SlaKind, cycle: Number(m[3]), stage: m[4] };
}
