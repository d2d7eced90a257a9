import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/useAuth';
import { errorsFromFailure, useErrorText, type AdminError } from '../adminErrors';
import { AdminPage } from '../AdminPage';
import { AdminTable } from '../AdminTable';
import { ConfirmDialog } from '../ConfirmDialog';
import { controlAttributes, FormField } from '../FormField';
import { LoadProblem } from '../LoadProblem';
import { RowActions } from '../RowActions';
import { SelectField } from '../SelectField';
import { useAdminFormat } from '../useAdminFormat';
import { CreatePrivacyRequestForm } from './CreatePrivacyRequestForm';
import { channelsFor } from './privacyRequestDraft';
import {
  REQUEST_STATUSES,
  useCompletePrivacyRequest,
  useExportPrivacyRequest,
  usePrivacyRequests,
  useRejectPrivacyRequest,
  type PrivacyRequest,
  type PrivacyRequestStatus,
} from './privacyRequestQueries';

type Pending = { request: PrivacyRequest; action: 'complete' | 'reject' };
const OPEN: readonly PrivacyRequestStatus[] = ['received', 'in_progress'];

/**
 * /admin/privacy-requests: requests to see or erase personal data (Law 91/2025/QH15) from every
 * channel, with their legal deadline in city time; admins handle them, call-centre operators
 * record the ones made on the phone.
 */
export default function PrivacyRequestsPage() {
  const { t } = useTranslation();
  const format = useAdminFormat();
  const errorText = useErrorText();
  const { audience } = useAuth();
  const isAdmin = audience === 'admin';
  const channels = channelsFor(audience);
  const [status, setStatus] = useState<PrivacyRequestStatus | ''>('');
  const requests = usePrivacyRequests(status || null);
  const complete = useCompletePrivacyRequest();
  const reject = useRejectPrivacyRequest();
  const exportData = useExportPrivacyRequest();
  const [creating, setCreating] = useState(!isAdmin);
  const [created, setCreated] = useState<PrivacyRequest | null>(null);
  // An operator's form stays open for the next call, empty again.
  const [formKey, setFormKey] = useState(0);
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState('');
  const [actionError, setActionError] = useState<AdminError | undefined>(undefined);
  const busy = complete.isPending || reject.isPending;

  const act = async ({ request, action }: Pending) => {
    if (action === 'reject' && reason.trim() === '') {
      setActionError({ key: 'required' });
      return;
    }
    setActionError(undefined);
    try {
      if (action === 'complete') await complete.mutateAsync(request.id);
      else await reject.mutateAsync({ id: request.id, reason: reason.trim() });
      setPending(null);
    } catch (error) {
      setActionError(errorsFromFailure<never>(error, () => 'form').form);
    }
  };
  const ask = (request: PrivacyRequest, action: Pending['action']) => {
    setReason('');
    setActionError(undefined);
    setPending({ request, action });
  };

  return (
    <AdminPage
      testId="admin-privacy-page"
      texts="admin.privacy"
      editable={isAdmin}
      actions={
        !creating && (
          <button type="button" className="button" onClick={() => setCreating(true)} data-testid="privacy-request-add">
            {t('admin.privacy.add')}
          </button>
        )
      }
    >
      {creating && (
        <CreatePrivacyRequestForm
          key={formKey}
          channels={channels}
          onCancel={() => setCreating(false)}
          onCreated={(request) => {
            setCreated(request);
            setCreating(!isAdmin);
            setFormKey((key) => key + 1);
          }}
        />
      )}
      {created && (
        <div className="admin-notice" role="status" data-testid="privacy-request-created" data-id={created.id}>
          {t('admin.privacy.created', { due: format.dateTime(created.dueAt) })}
          <button type="button" className="button button--quiet admin-notice__dismiss" onClick={() => setCreated(null)}>
            {t('admin.common.dismiss')}
          </button>
        </div>
      )}

      <div className="admin-filters">
        <SelectField<PrivacyRequestStatus | ''>
          id="privacy-request-status-filter"
          label={t('admin.privacy.filters.status')}
          value={status}
          options={[
            { value: '', label: t('admin.privacy.filters.any') },
            ...REQUEST_STATUSES.map((value) => ({ value, label: t(`admin.privacy.status.${value}`) })),
          ]}
          onChange={setStatus}
        />
      </div>
      <LoadProblem data={requests} testId="privacy-requests" />
      {exportData.isError && (
        <p className="admin-problem" role="alert" data-testid="privacy-request-export-error">
          {errorText(errorsFromFailure<never>(exportData.error, () => 'form').form)}
        </p>
      )}
      {requests.data &&
        (requests.data.items.length === 0 ? (
          <p className="admin-empty" data-testid="privacy-requests-empty">
            {t('admin.privacy.empty')}
          </p>
        ) : (
          <AdminTable
            testId="privacy-requests-table"
            columns={(['receivedAt', 'kind', 'channel', 'subject', 'status', 'dueAt', 'handledBy'] as const).map((c) =>
              t(`admin.privacy.columns.${c}`),
            )}
            actions
          >
            <tbody>
              {requests.data.items.map((request) => (
                <tr
                  key={request.id}
                  className={request.overdue ? 'admin-row--overdue' : undefined}
                  data-testid="privacy-request-row"
                  data-id={request.id}
                  data-status={request.status}
                  data-overdue={request.overdue}
                >
                  <td className="admin-nowrap">{format.dateTime(request.receivedAt)}</td>
                  <td className="admin-nowrap">{t(`admin.privacy.kind.${request.kind}`)}</td>
                  <td className="admin-nowrap">{t(`admin.privacy.channel.${request.channel}`)}</td>
                  <td data-testid="privacy-request-subject">{subjectText(request) || '–'}</td>
                  <td className="admin-nowrap" data-testid="privacy-request-status">
                    {t(`admin.privacy.status.${request.status}`)}
                  </td>
                  <td className="admin-nowrap">
                    {format.dateTime(request.dueAt)}
                    {request.overdue && (
                      <strong className="admin-overdue" data-testid="privacy-request-overdue">
                        {' '}
                        {t('admin.privacy.overdue')}
                      </strong>
                    )}
                  </td>
                  <td>{request.handledBy ?? '–'}</td>
                  <RowActions
                    small
                    actions={[
                      {
                        label: t('admin.privacy.actions.export'),
                        testId: 'privacy-request-export',
                        onClick: () => exportData.mutate(request.id),
                        disabled: exportData.isPending,
                        // The API gives the subject's data while the request is open, to admins.
                        shown: isAdmin && OPEN.includes(request.status),
                      },
                      {
                        label: t('admin.privacy.actions.complete'),
                        testId: 'privacy-request-complete',
                        onClick: () => ask(request, 'complete'),
                        shown: isAdmin && OPEN.includes(request.status),
                      },
                      {
                        label: t('admin.privacy.actions.reject'),
                        testId: 'privacy-request-reject',
                        onClick: () => ask(request, 'reject'),
                        shown: isAdmin && OPEN.includes(request.status),
                        tone: 'danger-quiet',
                      },
                    ]}
                  />
                </tr>
              ))}
            </tbody>
          </AdminTable>
        ))}

      {pending && (
        <ConfirmDialog
          title={t(`admin.privacy.actions.${pending.action}`)}
          confirmLabel={t(`admin.privacy.actions.${pending.action}`)}
          danger={pending.action === 'reject'}
          busy={busy}
          error={
            actionError && 'key' in actionError && actionError.key === 'required'
              ? t('admin.privacy.confirm.reasonRequired')
              : errorText(actionError)
          }
          onConfirm={() => void act(pending)}
          onCancel={() => setPending(null)}
          testId="privacy-request-confirm"
        >
          {pending.action === 'complete' ? (
            <p>{t('admin.privacy.confirm.complete')}</p>
          ) : (
            <FormField
              id="privacy-request-reject-reason"
              testId="privacy-request-reject-reason"
              label={t('admin.privacy.confirm.rejectReason')}
              error={null}
              wide
            >
              {(control) => (
                <textarea {...controlAttributes(control)} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
              )}
            </FormField>
          )}
        </ConfirmDialog>
      )}
    </AdminPage>
  );
}

/** Who asked: the name and the phones and addresses given (the API empties them once the request is handled). */
function subjectText(request: PrivacyRequest): string {
  const { name, phones, emails } = request.subject;
  return [name, ...phones, ...emails].filter(Boolean).join(', ');
}
