import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlaPolicies } from '../adminQueries';
import { AdminPage } from '../AdminPage';
import { LoadProblem } from '../LoadProblem';
import { useCanEdit } from '../useCanEdit';
import { useReferenceData } from '../useReferenceData';
import { PoliciesTable } from './PoliciesTable';
import { groupPolicies, policyStatus } from './policyGroups';
import { BLANK_POLICY, PolicyForm, draftOfPolicy, type PolicyDraft } from './PolicyForm';

/** /admin/sla: response and resolution targets per category × priority, versioned by validity. */
export default function SlaPoliciesPage() {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const reference = useReferenceData();
  const policies = useSlaPolicies();
  const [now, setNow] = useState(() => Date.now());
  const [showHistory, setShowHistory] = useState(false);
  // The form's key remounts it with a fresh draft for every "new" or "change".
  const [form, setForm] = useState<{ key: number; draft: PolicyDraft } | null>(null);
  const [notice, setNotice] = useState<{ id: number } | null>(null);

  const categories = reference.categories.data ?? [];
  const all = policies.data ?? [];
  const visible = showHistory ? all : all.filter((policy) => policyStatus(policy, now) !== 'superseded');
  const groups = groupPolicies(visible, categories);

  const openForm = (draft: PolicyDraft) => {
    setNotice(null);
    setForm((current) => ({ key: (current?.key ?? 0) + 1, draft }));
  };

  return (
    <AdminPage
      testId="admin-sla-page"
      editable={canEdit}
      texts="admin.sla"
      actions={
        canEdit &&
        !form && (
          <button type="button" className="button" onClick={() => openForm(BLANK_POLICY)} disabled={!policies.data} data-testid="sla-add">
            {t('admin.sla.actions.add')}
          </button>
        )
      }
    >
      {form && (
        <PolicyForm
          key={form.key}
          initial={form.draft}
          categories={categories}
          policies={all}
          now={now}
          onCancel={() => setForm(null)}
          onCreated={(id) => {
            setForm(null);
            setNotice({ id });
            setNow(Date.now());
          }}
        />
      )}
      {notice && (
        <p className="admin-notice" role="status" data-testid="sla-notice">
          {t('admin.sla.notices.created', { id: notice.id })}
        </p>
      )}

      <div className="admin-filters">
        <label className="admin-check">
          <input
            type="checkbox"
            checked={showHistory}
            onChange={(event) => setShowHistory(event.target.checked)}
            data-testid="sla-show-history"
          />
          {t('admin.sla.showHistory')}
        </label>
      </div>
      <LoadProblem data={reference.categories} testId="sla-categories" errorsOnly />
      <LoadProblem data={policies} testId="sla-policies" />
      {policies.data && (
        <PoliciesTable
          groups={groups}
          categoryByCode={reference.categoryByCode}
          now={now}
          canEdit={canEdit}
          highlightId={notice?.id ?? null}
          onChange={(policy) => openForm(draftOfPolicy(policy))}
        />
      )}
    </AdminPage>
  );
}
