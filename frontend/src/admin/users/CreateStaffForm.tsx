import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type Role } from '../../auth/roles';
import { errorsFromFailure, useErrorText, type FormErrors } from '../adminErrors';
import type { HandlingUnit } from '../adminQueries';
import { AdminForm } from '../AdminForm';
import { controlAttributes, FormField, FormSelect } from '../FormField';
import { useCreateStaff, useUpdateStaff, type NewStaffAccount, type StaffAccount } from './staffQueries';
import { Options } from '../Options';

type Field = 'username' | 'fullName' | 'role' | 'unitId' | 'email' | 'phone';
const FIELDS: readonly Field[] = ['username', 'fullName', 'role', 'unitId', 'email', 'phone'];
/** Which units a role's account may belong to; the API checks the same rule. */
const UNIT_KINDS: Partial<Record<Role, readonly string[]>> = {
  ward_official: ['ward_committee'],
  department_official: ['department', 'utility'],
};

interface Props {
  units: readonly HandlingUnit[];
  /** An account to change (its username stays); without it, a new account. */
  account?: StaffAccount;
  onCancel(): void;
  onCreated(account: NewStaffAccount): void;
  onUpdated?(account: StaffAccount): void;
}

/**
 * A new staff account (the answer carries the temporary password, shown by the page once), or a
 * change to one: a new role or unit takes effect in the user's open sessions within a minute.
 */
export function CreateStaffForm({ units, account, onCancel, onCreated, onUpdated }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const create = useCreateStaff();
  const update = useUpdateStaff();
  const [draft, setDraft] = useState(
    account
      ? {
          username: account.username,
          fullName: account.fullName,
          role: account.role,
          unitId: account.unit?.id ?? '',
          email: account.email ?? '',
          phone: account.phone ?? '',
        }
      : { username: '', fullName: '', role: 'ward_official' as Role, unitId: '', email: '', phone: '' },
  );
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const [busy, setBusy] = useState(false);
  const kinds = UNIT_KINDS[draft.role];
  const choices = kinds ? units.filter((u) => kinds.includes(u.kind)).sort((a, b) => a.name.localeCompare(b.name, 'vi')) : [];
  const set = (field: Field, value: string) => setDraft((d) => ({ ...d, [field]: value, ...(field === 'role' ? { unitId: '' } : {}) }));

  const submit = async () => {
    setBusy(true);
    setErrors({});
    const body = {
      fullName: draft.fullName.trim(),
      role: draft.role,
      unitId: draft.unitId || null,
      email: draft.email.trim() || null,
      phone: draft.phone.trim() || null,
    };
    try {
      if (account) onUpdated?.(await update.mutateAsync({ id: account.id, body }));
      else onCreated(await create.mutateAsync({ ...body, username: draft.username.trim() }));
    } catch (error) {
      setErrors(errorsFromFailure<Field>(error, (f) => (FIELDS.includes(f as Field) ? (f as Field) : 'form')));
    } finally {
      setBusy(false);
    }
  };

  const select = (field: 'role' | 'unitId', testId: string) => ({
    id: `staff-${field}`,
    testId,
    label: t(`admin.users.form.${field === 'role' ? 'role' : 'unit'}`),
    error: errorText(errors[field]),
    onChange: (value: string) => set(field, value),
  });

  const text = (field: 'username' | 'fullName' | 'email' | 'phone', type = 'text', hint?: string) => (
    <FormField
      id={`staff-${field}`}
      testId={`staff-${field}`}
      label={t(`admin.users.form.${field}`)}
      hint={hint}
      error={errorText(errors[field])}
    >
      {(control) => (
        <input
          {...controlAttributes(control)}
          type={type}
          value={draft[field]}
          onChange={(e) => set(field, e.target.value)}
          readOnly={Boolean(account) && field === 'username'}
        />
      )}
    </FormField>
  );

  return (
    <AdminForm
      name="staff"
      title={account ? t('admin.users.form.editTitle', { username: account.username }) : t('admin.users.form.title')}
      submitLabel={account ? t('admin.users.form.save') : t('admin.users.form.submit')}
      busy={busy}
      onSubmit={submit}
      onCancel={onCancel}
      fields={
        <>
          {text('username', 'text', t('admin.users.form.usernameHint'))}
          {text('fullName')}
          <FormSelect {...select('role', 'staff-role')} value={draft.role}>
            <Options items={STAFF_ROLES} label={(r) => t(`roles.${r}`)} />
          </FormSelect>
          <FormSelect {...select('unitId', 'staff-unit')} value={draft.unitId} disabled={!kinds}>
            <option value="">{kinds ? '' : t('admin.users.form.noUnit')}</option>
            {choices.map((u) => (
              <option key={u.id} value={u.id} data-code={u.code}>
                {i18n.resolvedLanguage === 'en' ? u.nameEn : u.name}
              </option>
            ))}
          </FormSelect>
          {text('email', 'email')}
          {text('phone', 'tel')}
        </>
      }
      error={
        errors.form && (
          <p className="admin-problem" role="alert" data-testid="staff-form-error">
            {errorText(errors.form)}
          </p>
        )
      }
    />
  );
}
