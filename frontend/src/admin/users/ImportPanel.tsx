import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/apiError';
import { useErrorText } from '../adminErrors';
import { AdminTable } from '../AdminTable';
import { useImportStaff, type ImportResult } from './staffQueries';

/** A CSV file checked first (every bad row listed), then imported whole or not at all. */
export function ImportPanel() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const importStaff = useImportStaff();
  const [csv, setCsv] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const english = i18n.resolvedLanguage === 'en';

  const run = async (dryRun: boolean) => {
    if (csv === null) return;
    setBusy(true);
    setFailure(null);
    try {
      setResult(await importStaff.mutateAsync({ csv, dryRun }));
    } catch (error) {
      const problems = error instanceof ApiError && error.status === 422 ? null : error;
      if (problems) setFailure(errorText({ key: 'server', status: problems instanceof ApiError ? problems.status : 0 }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-panel" aria-labelledby="staff-import-title" data-testid="staff-import">
      <h2 id="staff-import-title">{t('admin.users.importPanel.title')}</h2>
      <p className="admin-lead">{t('admin.users.importPanel.text')}</p>
      <label className="field admin-field">
        {t('admin.users.importPanel.file')}
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="staff-import-file"
          onChange={(e) => {
            // Not awaited: the buttons below wait for the file's text to be in `csv`.
            void (async () => {
              setResult(null);
              setCsv((await e.target.files?.[0]?.text()) ?? null);
            })();
          }}
        />
      </label>
      <div className="admin-actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || csv === null}
          onClick={() => void run(true)}
          data-testid="staff-import-check"
        >
          {t('admin.users.importPanel.check')}
        </button>
        {result?.dryRun && result.problems.length === 0 && (
          <button type="button" className="button" disabled={busy} onClick={() => void run(false)} data-testid="staff-import-apply">
            {t('admin.users.importPanel.apply', { count: result.valid })}
          </button>
        )}
      </div>
      {failure && (
        <p className="admin-problem" role="alert">
          {failure}
        </p>
      )}
      {result?.dryRun && result.problems.length === 0 && (
        <p className="admin-notice">{t('admin.users.importPanel.ok', { count: result.valid })}</p>
      )}
      {result && result.problems.length > 0 && (
        <>
          <p className="admin-problem" role="alert" data-testid="staff-import-problems">
            {t('admin.users.importPanel.problems', { count: result.problems.length })}
          </p>
          <AdminTable
            testId="staff-import-problem-table"
            columns={[t('admin.users.importPanel.line'), t('admin.users.importPanel.field'), t('admin.users.importPanel.problem')]}
            actions={false}
          >
            <tbody>
              {result.problems.map((p, i) => (
                <tr key={i}>
                  <td className="admin-number">{p.line}</td>
                  <td className="admin-code">{p.field}</td>
                  <td>{english ? p.message : p.messageVi}</td>
                </tr>
              ))}
            </tbody>
          </AdminTable>
        </>
      )}
      {result && !result.dryRun && (
        <>
          <p className="admin-notice" role="status">
            {t('admin.users.importPanel.done', { count: result.created.length })}
          </p>
          <ul data-testid="staff-import-created">
            {result.created.map((a) => (
              <li key={a.id}>
                <span className="admin-code">{a.username}</span> — <code>{a.temporaryPassword}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
