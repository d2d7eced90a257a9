import { useTranslation } from 'react-i18next';
import { AdminTable } from '../AdminTable';
import { PRIORITIES, type AdminCategory, type SlaPolicy } from '../adminQueries';
import { useAdminFormat } from '../useAdminFormat';
import { policyStatus, type PolicyGroup } from './policyGroups';
import { RowActions } from '../RowActions';

interface PoliciesTableProps {
  groups: readonly PolicyGroup[];
  categoryByCode: ReadonlyMap<string, AdminCategory>;
  now: number;
  canEdit: boolean;
  highlightId: number | null;
  onChange(policy: SlaPolicy): void;
}

const COLUMNS = ['priority', 'response', 'resolution', 'mode', 'validFrom', 'status'] as const;

function isKnownPriority(priority: string): priority is (typeof PRIORITIES)[number] {
  return (PRIORITIES as readonly string[]).includes(priority);
}

/** One table, a header row per category: the defaults first, then each category's own targets. */
export function PoliciesTable({ groups, categoryByCode, now, canEdit, highlightId, onChange }: PoliciesTableProps) {
  const { t } = useTranslation();
  const format = useAdminFormat();
  const columns = COLUMNS.length + (canEdit ? 1 : 0);
  return (
    <AdminTable testId="sla-policies-table" columns={COLUMNS.map((column) => t(`admin.sla.table.${column}`))} actions={canEdit}>
      {groups.map((group) => (
        <tbody key={group.category ?? ''} data-testid="sla-group" data-category={group.category ?? 'default'}>
          <tr className="admin-group-row">
            <th scope="colgroup" colSpan={columns}>
              {group.category === null ? t('admin.sla.defaults') : format.category(categoryByCode.get(group.category), group.category)}
              {group.category === null && <span className="admin-muted"> — {t('admin.sla.defaultsHint')}</span>}
            </th>
          </tr>
          {group.policies.map((policy) => {
            const status = policyStatus(policy, now);
            return (
              <tr
                key={policy.id}
                className={policy.id === highlightId ? 'admin-row--highlight' : status === 'superseded' ? 'admin-row--past' : undefined}
                data-testid="sla-policy-row"
                data-id={policy.id}
                data-category={policy.category ?? 'default'}
                data-priority={policy.priority}
                data-status={status}
              >
                <td>
                  <span className={`admin-priority admin-priority--${policy.priority}`}>
                    {isKnownPriority(policy.priority) ? t(`admin.priorities.${policy.priority}`) : policy.priority}
                  </span>
                </td>
                <td data-minutes={policy.responseMinutes}>{format.duration(policy.responseMinutes)}</td>
                <td data-minutes={policy.resolutionMinutes}>{format.duration(policy.resolutionMinutes)}</td>
                <td>{t(`admin.sla.modes.${policy.mode === 'calendar' ? 'calendar' : 'business'}`)}</td>
                <td className="admin-nowrap">{format.dateTime(policy.validFrom)}</td>
                <td>
                  <span className={`admin-badge admin-badge--${status}`}>{t(`admin.sla.status.${status}`)}</span>
                  {policy.validTo && (
                    <span className="admin-muted admin-nowrap"> {t('admin.sla.until', { at: format.dateTime(policy.validTo) })}</span>
                  )}
                </td>
                {canEdit && (
                  <RowActions
                    small
                    shown={status === 'current'}
                    actions={[{ label: t('admin.sla.actions.change'), testId: 'sla-policy-change', onClick: () => onChange(policy) }]}
                  />
                )}
              </tr>
            );
          })}
        </tbody>
      ))}
    </AdminTable>
  );
}
