import type { NewNotification } from '../notifications/notifications.repository';
import type { SlaKind } from './sla-clock.entity';
import type { SlaStageName } from './sla-stages';

export interface LadderUnit {
  id: string;
  code: string;
}

/** A unit and those above it: its parent (the supervising unit) and the city. */
export interface Ladder {
  unit: LadderUnit;
  parent: LadderUnit | null;
  city: LadderUnit | null;
}

/**
 * Who hears of a stage: warnings go to the unit, the breach also to its supervisor (the city
 * when the unit has no parent), the second escalation to the city.
 */
export function ladderRecipients(stage: SlaStageName, ladder: Ladder): LadderUnit[] {
  const recipients =
    stage === 'escalate' ? [ladder.city] : stage === 'breach' ? [ladder.unit, ladder.parent ?? ladder.city] : [ladder.unit];
  return recipients.filter((u): u is LadderUnit => Boolean(u));
}

/** The internal notifications of fired stages; a clock of an unassigned ticket (no ladder) notifies no one. */
export function ladderNotifications(
  items: { clock: { reportId: string; kind: SlaKind; cycle: number; assignedUnitId: string | null }; stage: SlaStageName }[],
  ladders: Map<string, Ladder>,
): NewNotification[] {
  const out: NewNotification[] = [];
  for (const { clock, stage } of items) {
    const ladder = clock.assignedUnitId ? ladders.get(clock.assignedUnitId) : undefined;
    if (!ladder) continue;
    for (const unit of ladderRecipients(stage, ladder)) {
      out.push({
        reportId: clock.reportId,
        channel: 'internal',
        recipient: unit.code,
        unitId: unit.id,
        template: `sla.${stage}`,
        payload: { kind: clock.kind, cycle: clock.cycle, stage },
        dedupeKey: `sla:${clock.reportId}:${clock.kind}.${clock.cycle}.${stage}:${unit.id}`,
      });
    }
  }
  return out;
}
