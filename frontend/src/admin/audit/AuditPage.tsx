import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cityDateTime } from '../../i18n/cityDateTime';
import { useAuditTrail, type AuditEventType } from '../adminQueries';
import { AdminPage } from '../AdminPage';
import { AdminTable } from '../AdminTable';
import { LoadProblem } from '../LoadProblem';
import { Pager } from '../Pager';
import { Options } from '../Options';

const PAGE_SIZE = 100;
/** The event types the API records, in the order the filter lists them: a type the API adds fails the build until it is listed here. */
const LISTED = {
  sign_in_succeeded: true,
  sign_in_failed: true,
  sign_in_throttled: true,
  user_created: true,
  user_updated: true,
  user_disabled: true,
  user_enabled: true,
  password_reset: true,
  password_changed: true,
  second_factor_enrolled: true,
  second_factor_reset: true,
  users_imported: true,
  routing_rule_created: true,
  routing_rule_closed: true,
  sla_policy_created: true,
  calendar_changed: true,
  caller_history_searched: true,
  audit_read: true,
  retention_applied: true,
  personal_data_erased: true,
  privacy_access_granted: true,
  privacy_data_exported: true,
  privacy_request_received: true,
  privacy_request_completed: true,
  privacy_request_rejected: true,
} satisfies Record<AuditEventType, true>;
const TYPES = Object.keys(LISTED) as AuditEventType[];

interface Filter {
  type: AuditEventType | '';
  actor: string;
  subject: string;
  from: string;
  to: string;
}

const EMPTY: Filter = { type: '', actor: '', subject: '', from: '', to: '' };

/** A date field (yyyy-mm-dd, city time) as the instant its day starts in Ho Chi Minh City. */
const dayStart = (day: string) => (day ? `${day}T00:00:00+07:00` : '');

/** /admin/audit: the append-only trail, filtered; each reading is itself recorded by the API. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [page, setPage] = useState(0);
  const events = useAuditTrail({
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
    type: filter.type || undefined,
    actor: filter.actor.trim() || undefined,
    subject: filter.subject.trim() || undefined,
    from: filter.from ? dayStart(filter.from) : undefined,
    to: filter.to ? dayStart(filter.to) : undefined,
  });
  const when = cityDateTime(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'vi-VN');
  const set = <K extends keyof Filter>(key: K, value: Filter[K]) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <AdminPage testId="admin-audit-page" texts="admin.audit">
      <form
        className="admin-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(0);
          setFilter(draft);
        }}
        data-testid="audit-filters"
      >
        <label className="field admin-field">
          {t('admin.audit.filters.type')}
          <select value={draft.type} onChange={(e) => set('type', e.target.value as Filter['type'])} data-testid="audit-type">
            <option value="">{t('admin.audit.filters.anyType')}</option>
            <Options items={TYPES} label={(type) => type} />
          </select>
        </label>
        <label className="field admin-field">
          {t('admin.audit.filters.actor')}
          <input value={draft.actor} onChange={(e) => set('actor', e.target.value)} data-testid="audit-actor" />
        </label>
        <label className="field admin-field">
          {t('admin.audit.filters.subject')}
          <input value={draft.subject} onChange={(e) => set('subject', e.target.value)} data-testid="audit-subject" />
        </label>
        <label className="field admin-field">
          {t('admin.audit.filters.from')}
          <input type="date" value={draft.from} onChange={(e) => set('from', e.target.value)} data-testid="audit-from" />
        </label>
        <label className="field admin-field">
          {t('admin.audit.filters.to')}
          <input type="date" value={draft.to} onChange={(e) => set('to', e.target.value)} data-testid="audit-to" />
        </label>
        <button type="submit" className="button" data-testid="audit-apply">
          {t('admin.audit.filters.apply')}
        </button>
      </form>
      <LoadProblem data={events} testId="audit-list" />
      {events.data && events.data.items.length === 0 && <p className="admin-empty">{t('admin.audit.empty')}</p>}
      {events.data && events.data.items.length > 0 && (
        <>
          <AdminTable
            testId="audit-table"
            columns={['at', 'type', 'actor', 'subject', 'details'].map((c) => t(`admin.audit.columns.${c}` as 'admin.audit.columns.at'))}
            actions={false}
          >
            <tbody>
              {events.data.items.map((e) => (
                <tr key={e.id} data-testid="audit-row" data-type={e.type}>
                  <td className="admin-nowrap">{when(e.at)}</td>
                  <td className="admin-code">{e.type}</td>
                  <td>{e.actor ? `${e.actor.username}${e.actor.role ? ` (${t(`roles.${e.actor.role}` as 'roles.admin')})` : ''}` : '–'}</td>
                  <td className="admin-code">{e.subject}</td>
                  <td>
                    <code className="admin-muted">{JSON.stringify(e.data)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </AdminTable>
          <Pager page={page} pageSize={PAGE_SIZE} total={events.data.total} onPage={setPage} testId="audit-pager" />
        </>
      )}
    </AdminPage>
  );
}
