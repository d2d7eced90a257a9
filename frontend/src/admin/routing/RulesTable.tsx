import { useTranslation } from 'react-i18next';
import { AdminTable } from '../AdminTable';
import type { RoutingRule } from '../adminQueries';
import { useAdminFormat } from '../useAdminFormat';
import type { RuleNames } from './ruleNames';
import { isOpenEnded, ruleStatus } from './ruleStatus';
import { RowActions } from '../RowActions';

interface RulesTableProps {
  rules: readonly RoutingRule[];
  names: RuleNames;
  now: number;
  canEdit: boolean;
  /** The rule just added or put in place, shown highlighted. */
  highlightId: number | null;
  onClose(rule: RoutingRule): void;
  onReplace(rule: RoutingRule): void;
}

const COLUMNS = ['category', 'ward', 'unit', 'validFrom', 'validTo', 'note', 'status'] as const;

export function RulesTable({ rules, names, now, canEdit, highlightId, onClose, onReplace }: RulesTableProps) {
  const { t } = useTranslation();
  const format = useAdminFormat();
  return (
    <AdminTable testId="routing-rules-table" columns={COLUMNS.map((column) => t(`admin.routing.table.${column}`))} actions={canEdit}>
      <tbody>
        {rules.map((rule) => {
          const status = ruleStatus(rule, now);
          return (
            <tr
              key={rule.id}
              className={rule.id === highlightId ? 'admin-row--highlight' : undefined}
              data-testid="routing-rule-row"
              data-id={rule.id}
              data-category={rule.category}
              data-ward-code={rule.wardCode ?? 'city'}
              data-unit-code={rule.unit.code}
              data-status={status}
            >
              <td>
                {names.category(rule)}
                <span className="admin-code">{rule.category}</span>
              </td>
              <td className={rule.wardCode === null ? 'admin-city-wide' : undefined}>{names.ward(rule)}</td>
              <td>
                {names.unit(rule)}
                <span className="admin-code">{rule.unit.code}</span>
              </td>
              <td className="admin-nowrap">{format.dateTime(rule.validFrom)}</td>
              <td className="admin-nowrap">{rule.validTo ? format.dateTime(rule.validTo) : t('admin.routing.table.openEnded')}</td>
              <td className="admin-note">{rule.note}</td>
              <td>
                <span className={`admin-badge admin-badge--${status}`}>{t(`admin.routing.status.${status}`)}</span>
              </td>
              {canEdit && (
                <RowActions
                  small
                  shown={isOpenEnded(rule)}
                  actions={[
                    { label: t('admin.routing.actions.replace'), testId: 'routing-rule-replace', onClick: () => onReplace(rule) },
                    {
                      label: t('admin.routing.actions.close'),
                      testId: 'routing-rule-close',
                      onClick: () => onClose(rule),
                      tone: 'danger-quiet',
                    },
                  ]}
                />
              )}
            </tr>
          );
        })}
      </tbody>
    </AdminTable>
  );
}
