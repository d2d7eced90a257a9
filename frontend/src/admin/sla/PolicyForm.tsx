import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage } from '../../ui/FieldMessage';
import { errorsFromFailure, useErrorText, type FormErrors } from '../adminErrors';
import { PRIORITIES, useCreateSlaPolicy, type AdminCategory, type Priority, type SlaMode, type SlaPolicy } from '../adminQueries';
import { CategoryField } from '../CategorySelect';
import { ChoiceField } from '../ChoiceField';
import { cityDateTimeInput, cityInputToIso } from '../cityTime';
import { AdminForm } from '../AdminForm';
import { FormSelect } from '../FormField';
import { useAdminFormat } from '../useAdminFormat';
import { ValidFromField } from '../ValidFromField';
import { DurationField, draftOfMinutes, minutesOfDraft, type DurationDraft } from './DurationField';
import { policyInForce } from './policyGroups';
import { Options } from '../Options';

type PolicyField = 'category' | 'priority' | 'response' | 'resolution' | 'mode' | 'validFrom';

const MODES: readonly SlaMode[] = ['business', 'calendar'];

function fieldOfIssue(field: string): PolicyField | 'form' {
  switch (field) {
    case 'category':
    case 'priority':
    case 'mode':
    case 'validFrom':
      return field;
    case 'responseMinutes':
      return 'response';
    case 'resolutionMinutes':
      return 'resolution';
    default:
      return 'form';
  }
}

/** What the form opens with: blank, or a copy of a policy to change. */
export interface PolicyDraft {
  category: string;
  priority: Priority;
  response: DurationDraft;
  resolution: DurationDraft;
  mode: SlaMode;
}

export const BLANK_POLICY: PolicyDraft = {
  category: '',
  priority: 'normal',
  response: { hours: '', minutes: '' },
  resolution: { hours: '', minutes: '' },
  mode: 'business',
};

export function draftOfPolicy(policy: SlaPolicy): PolicyDraft {
  return {
    category: policy.category ?? '',
    priority: (PRIORITIES as readonly string[]).includes(policy.priority) ? policy.priority : 'normal',
    response: draftOfMinutes(policy.responseMinutes),
    resolution: draftOfMinutes(policy.resolutionMinutes),
    mode: policy.mode === 'calendar' ? 'calendar' : 'business',
  };
}

interface PolicyFormProps {
  initial: PolicyDraft;
  categories: readonly AdminCategory[];
  policies: readonly SlaPolicy[];
  now: number;
  onCreated(id: number): void;
  onCancel(): void;
}

/** A new version of the targets for a category × priority; the one in force ends when it starts. */
export function PolicyForm({ initial, categories, policies, now, onCreated, onCancel }: PolicyFormProps) {
  const { t } = useTranslation();
  const create = useCreateSlaPolicy();
  const format = useAdminFormat();
  const errorText = useErrorText();
  const [draft, setDraft] = useState(initial);
  const [prefilledFrom] = useState(() => cityDateTimeInput());
  const [validFrom, setValidFrom] = useState(prefilledFrom);
  const [errors, setErrors] = useState<FormErrors<PolicyField>>({});
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLSelectElement>(null);

  useEffect(() => firstRef.current?.focus(), []);

  const change = (field: PolicyField, next: Partial<PolicyDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    setErrors((current) => {
      const { [field]: _dropped, form: _form, ...rest } = current;
      return rest;
    });
  };

  const inForce = policyInForce(policies, draft.category || null, draft.priority, now);

  const submit = async () => {
    if (busy) return;
    const responseMinutes = minutesOfDraft(draft.response);
    const resolutionMinutes = minutesOfDraft(draft.resolution);
    const fromIso = validFrom === prefilledFrom ? undefined : cityInputToIso(validFrom);
    const invalid: FormErrors<PolicyField> = {};
    if (responseMinutes === null) invalid.response = { key: 'durationRequired' };
    if (resolutionMinutes === null) invalid.resolution = { key: 'durationRequired' };
    // A first response due after the resolution deadline is a typing slip, not a policy.
    if (responseMinutes !== null && resolutionMinutes !== null && responseMinutes > resolutionMinutes) {
      invalid.response = { key: 'responseAfterResolution' };
    }
    if (fromIso === null) invalid.validFrom = { key: 'invalidDateTime' };
    if (Object.keys(invalid).length > 0 || responseMinutes === null || resolutionMinutes === null || fromIso === null) {
      setErrors(invalid);
      return;
    }
    setBusy(true);
    try {
      const created = await create.mutateAsync({
        category: draft.category || null,
        priority: draft.priority,
        responseMinutes,
        resolutionMinutes,
        mode: draft.mode,
        ...(fromIso ? { validFrom: fromIso } : {}),
      });
      onCreated(created.id);
    } catch (error) {
      setErrors(errorsFromFailure(error, fieldOfIssue));
      setBusy(false);
    }
  };

  return (
    <AdminForm
      name="policy"
      texts="admin.sla.form"
      busy={busy}
      onSubmit={submit}
      onCancel={onCancel}
      fields={
        <>
          <CategoryField
            id="policy-category"
            label={t('admin.sla.form.category')}
            error={errorText(errors.category)}
            categories={categories}
            value={draft.category}
            onChange={(category) => change('category', { category })}
            emptyLabel={t('admin.sla.defaults')}
            selectRef={firstRef}
          />

          <FormSelect
            id="policy-priority"
            testId="policy-priority"
            label={t('admin.sla.form.priority')}
            error={errorText(errors.priority)}
            value={draft.priority}
            onChange={(priority) => change('priority', { priority: priority as Priority })}
          >
            <Options items={PRIORITIES} label={(priority) => t(`admin.priorities.${priority}`)} />
          </FormSelect>

          {(['response', 'resolution'] as const).map((target) => (
            <DurationField
              key={target}
              id={`policy-${target}`}
              testId={`policy-${target}`}
              legend={t(`admin.sla.form.${target}`)}
              value={draft[target]}
              onChange={(duration) => change(target, { [target]: duration })}
              error={errorText(errors[target])}
              hint={t(`admin.sla.form.${target}Hint`)}
            />
          ))}

          <ChoiceField
            testId="policy-mode"
            legend={t('admin.sla.form.mode')}
            choices={MODES}
            value={draft.mode}
            onChange={(mode) => change('mode', { mode })}
            label={(mode) => t(`admin.sla.modes.${mode}`)}
            hint={(mode) => t(`admin.sla.modeHints.${mode}`)}
            error={errorText(errors.mode)}
          />

          <ValidFromField
            id="policy-valid-from"
            testId="policy-valid-from"
            label={t('admin.sla.form.validFrom')}
            value={validFrom}
            onChange={(value) => {
              setValidFrom(value);
              setErrors(({ validFrom: _dropped, ...rest }) => rest);
            }}
            error={errorText(errors.validFrom)}
          />
        </>
      }
      error={<FieldMessage id="policy-form-error" testId="policy-form-error" message={errorText(errors.form)} />}
    >
      <p className="admin-summary" data-testid="policy-supersedes" data-id={inForce?.id ?? ''}>
        {inForce
          ? t('admin.sla.form.supersedes', {
              response: format.duration(inForce.responseMinutes),
              resolution: format.duration(inForce.resolutionMinutes),
              mode: t(`admin.sla.modes.${inForce.mode === 'calendar' ? 'calendar' : 'business'}`),
            })
          : draft.category
            ? t('admin.sla.form.noneCategory')
            : t('admin.sla.form.noneDefault')}
      </p>
    </AdminForm>
  );
}
