import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorsFromFailure, useErrorText, type FormErrors } from '../adminErrors';
import { AdminForm } from '../AdminForm';
import { controlAttributes, FormField, FormSelect } from '../FormField';
import { Options } from '../Options';
import { missingFields, REQUEST_KINDS, splitContacts, type DraftField, type RequestDraft, type StaffChannel } from './privacyRequestDraft';
import { useCreatePrivacyRequest, type PrivacyRequest } from './privacyRequestQueries';

const FIELDS: readonly DraftField[] = ['kind', 'channel', 'phones', 'emails', 'name', 'identityCheck', 'reason'];

/** The API names list items `phones.0`: the issue goes beside the list's field. */
function fieldOf(issueField: string): DraftField | 'form' {
  const base = issueField.split('.')[0] as DraftField;
  return FIELDS.includes(base) ? base : 'form';
}

interface Props {
  channels: readonly StaffChannel[];
  onCancel(): void;
  onCreated(request: PrivacyRequest): void;
}

/** A request to see or erase personal data made on the phone, by letter or at the desk, recorded by staff. */
export function CreatePrivacyRequestForm({ channels, onCancel, onCreated }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const create = useCreatePrivacyRequest();
  const [draft, setDraft] = useState<RequestDraft>({
    kind: 'access',
    channel: channels[0] ?? 'phone',
    phones: '',
    emails: '',
    name: '',
    identityCheck: '',
    reason: '',
  });
  const [errors, setErrors] = useState<FormErrors<DraftField>>({});
  const set = (field: DraftField, value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const required = (label: string) => `${label} (${t('admin.privacy.form.required')})`;

  const submit = async () => {
    const missing = missingFields(draft);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((field) => [field, { key: 'required' }])));
      document.getElementById(`privacy-request-${missing[0]}`)?.focus();
      return;
    }
    setErrors({});
    const name = draft.name.trim();
    try {
      onCreated(
        await create.mutateAsync({
          kind: draft.kind,
          channel: draft.channel,
          phones: splitContacts(draft.phones),
          emails: splitContacts(draft.emails),
          ...(name ? { name } : {}),
          identityCheck: draft.identityCheck.trim(),
          reason: draft.reason.trim(),
        }),
      );
    } catch (error) {
      setErrors(errorsFromFailure<DraftField>(error, fieldOf));
    }
  };

  const errorOf = (field: DraftField) =>
    field === 'phones' && errors.phones && 'key' in errors.phones ? t('admin.privacy.form.contactRequired') : errorText(errors[field]);

  const textArea = (field: 'phones' | 'emails' | 'identityCheck' | 'reason', label: string, hint?: string) => (
    <FormField id={`privacy-request-${field}`} testId={`privacy-request-${field}`} label={label} hint={hint} error={errorOf(field)} wide>
      {(control) => (
        <textarea
          {...controlAttributes(control)}
          rows={field === 'reason' ? 3 : 2}
          value={draft[field]}
          onChange={(e) => set(field, e.target.value)}
          required={field === 'identityCheck' || field === 'reason'}
        />
      )}
    </FormField>
  );

  return (
    <AdminForm
      name="privacy-request"
      title={t('admin.privacy.form.title')}
      submitLabel={create.isPending ? t('admin.common.saving') : t('admin.privacy.form.submit')}
      busy={create.isPending}
      onSubmit={submit}
      onCancel={onCancel}
      fields={
        <>
          <FormSelect
            id="privacy-request-kind"
            testId="privacy-request-kind"
            label={required(t('admin.privacy.form.kind'))}
            value={draft.kind}
            error={errorOf('kind')}
            onChange={(value) => set('kind', value)}
          >
            <Options items={REQUEST_KINDS} label={(kind) => t(`admin.privacy.kind.${kind}`)} />
          </FormSelect>
          <FormSelect
            id="privacy-request-channel"
            testId="privacy-request-channel"
            label={required(t('admin.privacy.form.channel'))}
            value={draft.channel}
            error={errorOf('channel')}
            disabled={channels.length < 2}
            onChange={(value) => set('channel', value)}
          >
            <Options items={channels} label={(channel) => t(`admin.privacy.channel.${channel}`)} />
          </FormSelect>
          {textArea('phones', t('admin.privacy.form.phones'), t('admin.privacy.form.phonesHint'))}
          {textArea('emails', t('admin.privacy.form.emails'), t('admin.privacy.form.emailsHint'))}
          <FormField id="privacy-request-name" testId="privacy-request-name" label={t('admin.privacy.form.name')} error={errorOf('name')}>
            {(control) => (
              <input {...controlAttributes(control)} type="text" value={draft.name} onChange={(e) => set('name', e.target.value)} />
            )}
          </FormField>
          {textArea('identityCheck', required(t('admin.privacy.form.identityCheck')), t('admin.privacy.form.identityCheckHint'))}
          {textArea('reason', required(t('admin.privacy.form.reason')))}
        </>
      }
      error={
        errors.form && (
          <p className="admin-problem" role="alert" data-testid="privacy-request-form-error">
            {errorText(errors.form)}
          </p>
        )
      }
    />
  );
}
