import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createRoutingRule, fetchRoutingRules } from '../adminApi';
import { errorsFromFailure, useErrorText, type FormErrors } from '../adminErrors';
import type { AdminCategory, HandlingUnit, WardName } from '../adminTypes';
import { CategorySelect } from '../CategorySelect';
import { cityDateTimeInput, cityInputToIso } from '../cityTime';
import { FieldMessage } from '../FieldMessage';
import { useAdminFormat } from '../useAdminFormat';
import { useApiData } from '../useApiData';
import { UnitSelect } from './UnitSelect';
import type { WardChoice } from './wardChoice';
import { WardPicker } from './WardPicker';

type RuleField = 'category' | 'ward' | 'unit' | 'validFrom' | 'note';

function fieldOfIssue(field: string): RuleField | 'form' {
  switch (field) {
    case 'category':
      return 'category';
    case 'wardCode':
      return 'ward';
    case 'unitId':
      return 'unit';
    case 'validFrom':
      return 'validFrom';
    case 'note':
      return 'note';
    default:
      return 'form';
  }
}

export interface CreatedRule {
  id: number;
  category: string;
  ward: WardChoice;
  /** True when the rule starts later than now (it is not in the "in force" list yet). */
  scheduled: boolean;
}

interface RuleFormProps {
  token: string;
  categories: readonly AdminCategory[];
  categoryByCode: ReadonlyMap<string, AdminCategory>;
  units: readonly HandlingUnit[];
  wards: readonly WardName[];
  onCreated(rule: CreatedRule): void;
  onCancel(): void;
}

/** A new effective-dated rule: category × (ward or city-wide) → unit, from a moment (now by default). */
export function RuleForm({ token, categories, categoryByCode, units, wards, onCreated, onCancel }: RuleFormProps) {
  const { t } = useTranslation();
  const format = useAdminFormat();
  const errorText = useErrorText();
  const [category, setCategory] = useState('');
  const [ward, setWard] = useState<WardChoice | null>(null);
  const [unitId, setUnitId] = useState('');
  // Prefilled with now; left as it is, the server's own clock decides "now" at the moment of saving.
  const [prefilledFrom] = useState(() => cityDateTimeInput());
  const [validFrom, setValidFrom] = useState(prefilledFrom);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors<RuleField>>({});
  const [busy, setBusy] = useState(false);
  const categoryRef = useRef<HTMLSelectElement>(null);

  useEffect(() => categoryRef.current?.focus(), []);

  // The rule in force for the same key, if any: the new one will win over it (newest first).
  const sameKey = useApiData(category && ward ? `${category}:${ward.kind === 'city' ? 'city' : ward.code}` : null, (signal) =>
    fetchRoutingRules({ category, wardCode: ward?.kind === 'ward' ? ward.code : null, activeOnly: true }, token, signal),
  );
  const competing = (sameKey.data ?? []).filter((rule) => (ward?.kind === 'ward' ? rule.wardCode === ward.code : rule.wardCode === null));
  const picked = categoryByCode.get(category);
  const unit = units.find((candidate) => candidate.id === unitId);

  const clear = (field: RuleField) =>
    setErrors((current) => {
      const { [field]: _dropped, form: _form, ...rest } = current;
      return rest as FormErrors<RuleField>;
    });

  const submit = async () => {
    if (busy) return;
    const fromIso = validFrom === prefilledFrom ? undefined : cityInputToIso(validFrom);
    const invalid: FormErrors<RuleField> = {};
    if (!category) invalid.category = { key: 'required' };
    if (!ward) invalid.ward = { key: 'wardRequired' };
    if (!unitId) invalid.unit = { key: 'required' };
    if (fromIso === null) invalid.validFrom = { key: 'invalidDateTime' };
    if (Object.keys(invalid).length > 0 || !ward || fromIso === null) {
      setErrors(invalid);
      return;
    }
    setBusy(true);
    try {
      const created = await createRoutingRule(
        {
          category,
          wardCode: ward.kind === 'ward' ? ward.code : null,
          unitId,
          ...(fromIso ? { validFrom: fromIso } : {}),
          note: note.trim(),
        },
        token,
      );
      onCreated({ id: created.id, category, ward, scheduled: fromIso !== undefined && Date.parse(fromIso) > Date.now() });
    } catch (error) {
      setErrors(errorsFromFailure(error, fieldOfIssue));
      setBusy(false);
    }
  };

  const described = (field: RuleField) => (errors[field] ? `rule-${field}-error` : undefined);

  return (
    <form
      className="admin-panel admin-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
      aria-labelledby="rule-form-title"
      data-testid="rule-form"
    >
      <h2 id="rule-form-title">{t('admin.routing.form.title')}</h2>
      <div className="admin-form__grid">
        <div className="admin-field">
          <label htmlFor="rule-category">{t('admin.routing.form.category')}</label>
          <CategorySelect
            id="rule-category"
            testId="rule-category"
            categories={categories}
            value={category}
            onChange={(code) => {
              setCategory(code);
              clear('category');
            }}
            emptyLabel={t('admin.routing.form.chooseCategory')}
            selectRef={categoryRef}
            invalid={Boolean(errors.category)}
            describedBy={described('category')}
          />
          {picked && (
            <p className="admin-field__hint" data-testid="rule-category-level" data-level={picked.handlingLevel}>
              {picked.handlingLevel === 'department' ? t('admin.routing.form.levelDepartment') : t('admin.routing.form.levelWard')}
            </p>
          )}
          <FieldMessage id="rule-category-error" testId="rule-category-error" message={errorText(errors.category)} />
        </div>

        <WardPicker
          label={t('admin.routing.form.ward')}
          testId="rule-ward"
          wards={wards}
          value={ward}
          onChange={(choice) => {
            setWard(choice);
            clear('ward');
          }}
          cityWide
          placeholder={t('admin.routing.form.wardPlaceholder')}
          error={errorText(errors.ward)}
        />

        <div className="admin-field">
          <label htmlFor="rule-unit">{t('admin.routing.form.unit')}</label>
          <UnitSelect
            id="rule-unit"
            testId="rule-unit"
            units={units}
            value={unitId}
            onChange={(id) => {
              setUnitId(id);
              clear('unit');
            }}
            invalid={Boolean(errors.unit)}
            describedBy={described('unit')}
          />
          <FieldMessage id="rule-unit-error" testId="rule-unit-error" message={errorText(errors.unit)} />
        </div>

        <div className="admin-field">
          <label htmlFor="rule-valid-from">{t('admin.routing.form.validFrom')}</label>
          <input
            id="rule-valid-from"
            type="datetime-local"
            value={validFrom}
            onChange={(event) => {
              setValidFrom(event.target.value);
              clear('validFrom');
            }}
            aria-invalid={errors.validFrom ? true : undefined}
            aria-describedby={described('validFrom') ?? 'rule-valid-from-hint'}
            data-testid="rule-valid-from"
          />
          <p id="rule-valid-from-hint" className="admin-field__hint">
            {t('admin.common.cityTimeHint')}
          </p>
          <FieldMessage id="rule-validFrom-error" testId="rule-valid-from-error" message={errorText(errors.validFrom)} />
        </div>

        <div className="admin-field admin-field--wide">
          <label htmlFor="rule-note">{t('admin.routing.form.note')}</label>
          <textarea
            id="rule-note"
            rows={2}
            maxLength={1000}
            value={note}
            placeholder={t('admin.routing.form.notePlaceholder')}
            onChange={(event) => {
              setNote(event.target.value);
              clear('note');
            }}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={described('note')}
            data-testid="rule-note"
          />
          <FieldMessage id="rule-note-error" testId="rule-note-error" message={errorText(errors.note)} />
        </div>
      </div>

      {picked && ward && unit && (
        <p className="admin-summary" data-testid="rule-summary">
          {t('admin.routing.form.summary', {
            category: format.category(picked, category),
            scope: ward.kind === 'city' ? t('admin.routing.cityWide') : ward.name,
            unit: format.unit(unit, unit.code),
          })}
        </p>
      )}
      {competing.length > 0 && (
        <p className="admin-warning" role="status" data-testid="rule-competing">
          {t('admin.routing.form.competing', {
            id: competing[0].id,
            unit: format.unit(units.find((candidate) => candidate.id === competing[0].unit.id), competing[0].unit.name),
          })}
        </p>
      )}

      <FieldMessage id="rule-form-error" testId="rule-form-error" message={errorText(errors.form)} />
      <div className="admin-actions">
        <button type="submit" className="button" disabled={busy} data-testid="rule-submit">
          {busy ? t('admin.common.saving') : t('admin.routing.form.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy} data-testid="rule-cancel">
          {t('admin.common.cancel')}
        </button>
      </div>
    </form>
  );
}
