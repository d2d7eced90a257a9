import { useTranslation } from 'react-i18next';
import type { RoutingRule } from '../adminTypes';
import { useAdminFormat } from '../useAdminFormat';
import type { RuleNames } from './ruleNames';
import { isOpenEnded, ruleStatus } from './ruleStatus';

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

export function RulesTable({ rules, names, now, canEdit, highlightId, onClose, onReplace }: RulesTableProps) {
  const { t } = useTranslation();
  const format = useAdminFormat();
  return (
    <div className="admin-table-wrap">
      <table className="admin-table" data-testid="routing-rules-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.routing.table.category')}</th>
            <th scope="col">{t('admin.routing.table.ward')}</th>
            <th scope="col">{t('admin.routing.table.unit')}</th>
            <th scope="col">{t('admin.routing.table.validFrom')}</th>
            <th scope="col">{t('admin.routing.table.validTo')}</th>
            <th scope="col">{t('admin.routing.table.note')}</th>
            <th scope="col">{t('admin.routing.table.status')}</th>
            {canEdit && (
              <th scope="col">
                <span className="visually-hidden">{t('admin.common.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
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
                  <td className="admin-row-actions">
                    {isOpenEnded(rule) && (
                      <>
                        <button type="button" className="button button--small button--secondary" onClick={() => onReplace(rule)} data-testid="routing-rule-replace">
                          {t('admin.routing.actions.replace')}
                        </button>
                        <button type="button" className="button button--small button--danger-quiet" onClick={() => onClose(rule)} data-testid="routing-rule-close">
                          {t('admin.routing.actions.close')}
                        </button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
