import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorsFromFailure, useErrorText, type AdminError } from '../adminErrors';
import { AdminPage } from '../AdminPage';
import { AdminTable } from '../AdminTable';
import { ConfirmDialog } from '../ConfirmDialog';
import { LoadProblem } from '../LoadProblem';
import { Pager } from '../Pager';
import { RowActions } from '../RowActions';
import { useReferenceData } from '../useReferenceData';
import { CreateStaffForm } from './CreateStaffForm';
import { ImportPanel } from './ImportPanel';
import { useStaffAction, useStaffPage, type StaffAccount, type StaffAction } from './staffQueries';

const PAGE_SIZE = 50;
type Pending = { account: StaffAccount; action: StaffAction };

/** /admin/users: staff accounts, their lifecycle and the CSV import. */
export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const reference = useReferenceData();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(0);
  const staff = useStaffPage({ q, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
  const actOnStaff = useStaffAction();
  const [panel, setPanel] = useState<'create' | 'import' | { edit: StaffAccount } | null>(null);
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<AdminError | undefined>(undefined);

  const act = async ({ account, action }: Pending) => {
    setBusy(true);
    setActionError(undefined);
    try {
      const answer = await actOnStaff.mutateAsync({ id: account.id, action });
      if ('temporaryPassword' in answer) setShown({ username: account.username, password: answer.temporaryPassword });
      setPending(null);
    } catch (error) {
      setActionError(errorsFromFailure<never>(error, () => 'form').form);
    } finally {
      setBusy(false);
    }
  };
  // The action reports its own failure in the dialog: nothing waits for it.
  const ask = (account: StaffAccount, action: StaffAction) =>
    action === 'enable' ? void act({ account, action }) : setPending({ account, action });
  // Enabling needs no confirmation; the others name what they end.
  const confirmKey = {
    disable: 'disable',
    'reset-password': 'resetPassword',
    'reset-second-factor': 'resetSecondFactor',
    enable: 'enable',
  } as const;

  return (
    <AdminPage
      testId="admin-users-page"
      texts="admin.users"
      actions={
        <div className="admin-actions">
          <button type="button" className="button" onClick={() => setPanel('create')} data-testid="staff-add">
            {t('admin.users.add')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setPanel('import')} data-testid="staff-import-open">
            {t('admin.users.import')}
          </button>
        </div>
      }
    >
      {panel === 'create' && (
        <CreateStaffForm
          units={reference.units.data ?? []}
          onCancel={() => setPanel(null)}
          onCreated={(account) => {
            setPanel(null);
            setShown({ username: account.username, password: account.temporaryPassword });
          }}
        />
      )}
      {panel !== null && typeof panel === 'object' && (
        <CreateStaffForm
          key={panel.edit.id}
          units={reference.units.data ?? []}
          account={panel.edit}
          onCancel={() => setPanel(null)}
          onCreated={() => undefined}
          onUpdated={() => setPanel(null)}
        />
      )}
      {panel === 'import' && <ImportPanel />}
      {shown && (
        <div className="admin-notice" role="status" data-testid="staff-temporary">
          <strong>{t('admin.users.temporary.title', { username: shown.username })}</strong>{' '}
          <code data-testid="staff-temporary-password">{shown.password}</code>
          <p>{t('admin.users.temporary.text')}</p>
          <button type="button" className="button button--quiet admin-notice__dismiss" onClick={() => setShown(null)}>
            {t('admin.common.dismiss')}
          </button>
        </div>
      )}

      <div className="admin-filters">
        <label className="field admin-field">
          {t('admin.users.search')}
          <input
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(0);
            }}
            data-testid="staff-search"
          />
        </label>
      </div>
      <LoadProblem data={staff} testId="staff-list" />
      {staff.data && (
        <>
          <AdminTable
            testId="staff-table"
            columns={['username', 'name', 'role', 'unit', 'status', 'secondFactor'].map((c) =>
              t(`admin.users.columns.${c}` as 'admin.users.columns.username'),
            )}
            actions
          >
            <tbody>
              {staff.data.items.map((a) => (
                <tr key={a.id} data-testid={`staff-row-${a.username}`} className={a.active ? undefined : 'admin-row--past'}>
                  <td className="admin-code">{a.username}</td>
                  <td>{a.fullName}</td>
                  <td>{t(`roles.${a.role}`)}</td>
                  <td>{a.unit ? (i18n.resolvedLanguage === 'en' ? a.unit.nameEn : a.unit.name) : '–'}</td>
                  <td data-testid="staff-status">
                    {!a.active
                      ? t('admin.users.status.disabled')
                      : a.mustChangePassword
                        ? t('admin.users.status.mustChange')
                        : t('admin.users.status.active')}
                  </td>
                  <td>{a.secondFactorEnrolled ? t('admin.users.secondFactor.on') : t('admin.users.secondFactor.off')}</td>
                  <RowActions
                    actions={[
                      { label: t('admin.users.actions.edit'), testId: 'staff-edit', onClick: () => setPanel({ edit: a }) },
                      {
                        label: t('admin.users.actions.disable'),
                        testId: 'staff-disable',
                        onClick: () => ask(a, 'disable'),
                        shown: a.active,
                      },
                      { label: t('admin.users.actions.enable'), testId: 'staff-enable', onClick: () => ask(a, 'enable'), shown: !a.active },
                      {
                        label: t('admin.users.actions.resetPassword'),
                        testId: 'staff-reset-password',
                        onClick: () => ask(a, 'reset-password'),
                      },
                      {
                        label: t('admin.users.actions.resetSecondFactor'),
                        testId: 'staff-reset-second-factor',
                        onClick: () => ask(a, 'reset-second-factor'),
                        shown: a.secondFactorEnrolled,
                      },
                    ]}
                  />
                </tr>
              ))}
            </tbody>
          </AdminTable>
          <Pager page={page} pageSize={PAGE_SIZE} total={staff.data.total} onPage={setPage} testId="staff-pager" />
        </>
      )}
      {pending && (
        <ConfirmDialog
          title={t(`admin.users.actions.${confirmKey[pending.action]}`)}
          confirmLabel={t(`admin.users.actions.${confirmKey[pending.action]}`)}
          danger
          busy={busy}
          error={errorText(actionError)}
          onConfirm={() => void act(pending)}
          onCancel={() => setPending(null)}
          testId="staff-confirm"
        >
          <p>
            {pending.action !== 'enable' &&
              t(`admin.users.confirm.${confirmKey[pending.action]}`, {
                username: pending.account.username,
              })}
          </p>
        </ConfirmDialog>
      )}
    </AdminPage>
  );
}
