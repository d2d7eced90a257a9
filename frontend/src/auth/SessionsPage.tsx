import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AdminPage } from '../admin/AdminPage';
import { AdminTable } from '../admin/AdminTable';
import { LoadProblem } from '../admin/LoadProblem';
import { RowActions } from '../admin/RowActions';
import { cityDateTime } from '../i18n/cityDateTime';
import { useEndAllSessions, useEndSession, useSessions } from './authQueries';
import { useAuth } from './useAuth';

/** /account/sessions: where the user is signed in; any session can be ended, or all of them. */
export default function SessionsPage() {
  const { t, i18n } = useTranslation();
  const { forget, logout } = useAuth();
  const navigate = useNavigate();
  const sessions = useSessions();
  const endOne = useEndSession();
  const endEvery = useEndAllSessions();
  const [busy, setBusy] = useState(false);
  const when = cityDateTime(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'vi-VN');

  const end = async (id: string, current: boolean) => {
    setBusy(true);
    try {
      if (current) return logout();
      await endOne.mutateAsync(id);
    } finally {
      setBusy(false);
    }
  };
  const endAll = async () => {
    setBusy(true);
    try {
      await endEvery.mutateAsync();
      forget();
      void navigate('/', { replace: true, flushSync: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <AdminPage
      testId="sessions-page"
      texts="account.sessions"
      actions={
        <button
          type="button"
          className="button button--danger"
          onClick={() => void endAll()}
          disabled={busy}
          data-testid="sessions-end-all"
        >
          {t('account.sessions.endAll')}
        </button>
      }
    >
      <LoadProblem data={sessions} testId="sessions-list" />
      {sessions.data && sessions.data.length === 0 && <p className="admin-empty">{t('account.sessions.empty')}</p>}
      {sessions.data && sessions.data.length > 0 && (
        <AdminTable
          testId="sessions-table"
          columns={['started', 'lastSeen', 'device', 'address'].map((c) =>
            t(`account.sessions.columns.${c}` as 'account.sessions.columns.started'),
          )}
          actions
        >
          <tbody>
            {sessions.data.map((s) => (
              <tr key={s.id} data-testid="session-row" className={s.current ? 'admin-row--highlight' : undefined}>
                <td className="admin-nowrap">{when(s.createdAt)}</td>
                <td className="admin-nowrap">{when(s.lastSeenAt)}</td>
                <td>
                  {s.userAgent ?? '–'}
                  {s.current && <span className="admin-badge admin-badge--current">{t('account.sessions.current')}</span>}
                </td>
                <td className="admin-code">{s.ip ?? '–'}</td>
                <RowActions
                  actions={[
                    { label: t('account.sessions.end'), testId: 'session-end', onClick: () => void end(s.id, s.current), disabled: busy },
                  ]}
                />
              </tr>
            ))}
          </tbody>
        </AdminTable>
      )}
    </AdminPage>
  );
}
