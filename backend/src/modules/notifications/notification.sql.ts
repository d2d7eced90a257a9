/** Notification SQL that other modules' statements compose (routing's batch assignment stays one statement). */

/**
 * The INSERT of internal notifications to units, addressed by the unit's code, from `rows`: a
 * FROM item aliased `u` with report_id, unit_id, template and dedupe_key. Duplicates by key are skipped.
 */
export function unitNotificationsSql(rows: string): string {
  return `INSERT INTO notification (report_id, channel, recipient, unit_id, template, payload, dedupe_key)
     SELECT u.report_id, 'internal', h.code, h.id, u.template, jsonb_build_object('reportId', u.report_id), u.dedupe_key
       FROM ${rows} JOIN handling_unit h ON h.id = u.unit_id
     ON CONFLICT (dedupe_key) DO NOTHING`;
}
