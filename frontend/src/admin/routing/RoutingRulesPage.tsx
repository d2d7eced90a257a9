import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoutingRules, type RoutingRule, type RuleQuery } from '../adminQueries';
import { AdminPage } from '../AdminPage';
import { LoadProblem } from '../LoadProblem';
import { Pager } from '../Pager';
import { useCanEdit } from '../useCanEdit';
import { useReferenceData } from '../useReferenceData';
import { CloseRuleDialog } from './CloseRuleDialog';
import { PrecedenceNote } from './PrecedenceNote';
import { ReplaceRuleDialog } from './ReplaceRuleDialog';
import { RuleFilters, NO_FILTERS, type RuleFilterValues } from './RuleFilters';
import { RuleForm, type CreatedRule } from './RuleForm';
import { useRuleNames } from './ruleNames';
import { RulesTable } from './RulesTable';

const PAGE_SIZE = 50;

type Action = { kind: 'close'; rule: RoutingRule } | { kind: 'replace'; rule: RoutingRule } | null;

/** Kept as what happened, not as text, so a language switch re-words it. */
type Notice =
  { kind: 'created'; ruleId: number } | { kind: 'closed'; ruleId: number } | { kind: 'replaced'; oldId: number; ruleId: number };

/** /admin/routing: who handles which category where; admins add, close and replace rules. */
export default function RoutingRulesPage() {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const reference = useReferenceData({ wards: true });
  const names = useRuleNames(reference);
  const [filters, setFilters] = useState<RuleFilterValues>(NO_FILTERS);
  const [page, setPage] = useState(0);
  const [adding, setAdding] = useState(false);
  const [action, setAction] = useState<Action>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const query: RuleQuery = {
    category: filters.category || null,
    wardCode: filters.ward?.kind === 'ward' ? filters.ward.code : null,
    activeOnly: filters.activeOnly,
  };
  const rules = useRoutingRules(query);
  // The API filters by one ward; "city-wide only" is the rules without a ward.
  const shown = (rules.data ?? []).filter((rule) => filters.ward?.kind !== 'city' || rule.wardCode === null);
  const pageCount = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const currentPage = Math.min(page, pageCount - 1);

  const changeFilters = (next: RuleFilterValues) => {
    setFilters(next);
    setPage(0);
  };

  // The lists were refreshed by the change itself (adminQueries invalidates them); the clock moves on too.
  const refresh = () => setNow(Date.now());

  const created = (rule: CreatedRule) => {
    setAdding(false);
    // Show the admin the rule they just added: its category and place, history included if it starts later.
    changeFilters({ category: rule.category, ward: rule.ward, activeOnly: filters.activeOnly && !rule.scheduled });
    setNotice({ kind: 'created', ruleId: rule.id });
    refresh();
  };

  const referenceReady = reference.categories.data && reference.units.data && reference.wards.data;

  return (
    <AdminPage
      testId="admin-routing-page"
      editable={canEdit}
      texts="admin.routing"
      actions={
        canEdit &&
        !adding && (
          <button type="button" className="button" onClick={() => setAdding(true)} disabled={!referenceReady} data-testid="routing-add">
            {t('admin.routing.actions.add')}
          </button>
        )
      }
    >
      <PrecedenceNote />

      {adding && referenceReady && (
        <RuleForm
          categories={reference.categories.data ?? []}
          categoryByCode={reference.categoryByCode}
          units={reference.units.data ?? []}
          wards={reference.wards.data ?? []}
          onCreated={created}
          onCancel={() => setAdding(false)}
        />
      )}

      {notice && (
        <p className="admin-notice" role="status" data-testid="routing-notice">
          {notice.kind === 'replaced'
            ? t('admin.routing.notices.replaced', { oldId: notice.oldId, newId: notice.ruleId })
            : t(`admin.routing.notices.${notice.kind}`, { id: notice.ruleId })}
          <button type="button" className="admin-notice__dismiss" onClick={() => setNotice(null)} aria-label={t('admin.common.dismiss')}>
            ×
          </button>
        </p>
      )}

      <RuleFilters
        values={filters}
        onChange={changeFilters}
        categories={reference.categories.data ?? []}
        wards={reference.wards.data ?? []}
        wardsBusy={reference.wards.isFetching}
      />
      <LoadProblem data={reference.categories} testId="routing-categories" errorsOnly />
      <LoadProblem data={reference.units} testId="routing-units" errorsOnly />
      <LoadProblem data={reference.wards} testId="routing-wards" errorsOnly />
      <LoadProblem data={rules} testId="routing-rules" />

      {rules.data && (
        <>
          <p className="admin-count" data-testid="routing-count" data-count={shown.length} aria-live="polite">
            {rules.isFetching ? t('common.loading') : t('admin.routing.count', { count: shown.length })}
          </p>
          {shown.length === 0 ? (
            <p className="admin-empty" data-testid="routing-empty">
              {t('admin.routing.empty')}
            </p>
          ) : (
            <RulesTable
              rules={shown.slice(currentPage * PAGE_SIZE, (currentPage + 1) * PAGE_SIZE)}
              names={names}
              now={now}
              canEdit={canEdit}
              highlightId={notice && notice.kind !== 'closed' ? notice.ruleId : null}
              onClose={(rule) => setAction({ kind: 'close', rule })}
              onReplace={(rule) => setAction({ kind: 'replace', rule })}
            />
          )}
          <Pager page={currentPage} pageSize={PAGE_SIZE} total={shown.length} onPage={setPage} testId="routing-pager" />
        </>
      )}

      {action?.kind === 'close' && (
        <CloseRuleDialog
          rule={action.rule}
          names={names}
          onCancel={() => setAction(null)}
          onClosed={() => {
            setAction(null);
            setNotice({ kind: 'closed', ruleId: action.rule.id });
            refresh();
          }}
        />
      )}
      {action?.kind === 'replace' && (
        <ReplaceRuleDialog
          rule={action.rule}
          names={names}
          units={reference.units.data ?? []}
          onCancel={() => setAction(null)}
          onPartial={refresh}
          onReplaced={(newId) => {
            setAction(null);
            setNotice({ kind: 'replaced', oldId: action.rule.id, ruleId: newId });
            refresh();
          }}
        />
      )}
    </AdminPage>
  );
}
