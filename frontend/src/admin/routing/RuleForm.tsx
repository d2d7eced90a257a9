import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage } from '../../ui/FieldMessage';
import { errorsFromFailure, useErrorText, type FormErrors } from '../adminErrors';
import { useCreateRoutingRule, useRoutingRules, type AdminCategory, type HandlingUnit, type WardName } from '../adminQueries';
import { CategoryField } from '../CategorySelect';
import { cityDateTimeInput, cityInputToIso } from '../cityTime';
import { AdminForm } from '../AdminForm';
import { useAdminFormat } from '../useAdminFormat';
import { ValidFromField } from '../ValidFromField';
import { RuleNoteField } from './RuleNoteField';
import { UnitField } from './UnitField';
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
  categories: readonly AdminCategory[];
  categoryByCode: ReadonlyMap<string, AdminCategory>;
  units: readonly HandlingUnit[];
  wards: readonly WardName[];
  onCreated(rule: CreatedRule): void;
  onCancel(): void;
}

/** A new effective-dated rule: category × (ward or city-wide) → unit, from a moment (now by default). */
export function RuleForm({ categories, categoryByCode, units, wards, onCreated, onCancel }: RuleFormProps) {
  const { t } = useTranslation();
  const format = useAdminFormat();
  const errorText = useErrorText();
  const create = useCreateRoutingRule();
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
  const sameKey = useRoutingRules(
    { category, wardCode: ward?.kind === 'ward' ? ward.code : null, activeOnly: true },
    Boolean(category && ward),
  );
  const competing = (sameKey.data ?? []).filter((rule) => (ward?.kind === 'ward' ? rule.wardCode === ward.code : rule.wardCode === null));
  const picked = categoryByCode.get(category);
  const unit = units.find((candidate) => candidate.id === unitId);

  const clear = (field: RuleField) =>
    setErrors((current) => {
      const { [field]: _dropped, form: _form, ...rest } = current;
      return rest;
    });

  const edit =
    <V,>(field: RuleField, set: (value: V) => void) =>
    (value: V) => {
      set(value);
      clear(field);
    };

  /** The props a field of this form takes: its ids, its value, its change (clearing its error) and its error. */
  const bind = <V,>(field: RuleField, id: string, value: V, set: (value: V) => void) => ({
    id,
    testId: id,
    value,
    onChange: edit(field, set),
    error: errorText(errors[field]),
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
      const created = await create.mutateAsync({
        category,
        wardCode: ward.kind === 'ward' ? ward.code : null,
        unitId,
        ...(fromIso ? { validFrom: fromIso } : {}),
        note: note.trim(),
      });
      onCreated({ id: created.id, category, ward, scheduled: fromIso !== undefined && Date.parse(fromIso) > Date.now() });
    } catch (error) {
      setErrors(errorsFromFailure(error, fieldOfIssue));
      setBusy(false);
    }
  };

  return (
    <AdminForm
      name="rule"
      texts="admin.routing.form"
      busy={busy}
      onSubmit={submit}
      onCancel={onCancel}
      fields={
        <>
          <CategoryField
            {...bind('category', 'rule-category', category, setCategory)}
            label={t('admin.routing.form.category')}
            categories={categories}
            emptyLabel={t('admin.routing.form.chooseCategory')}
            selectRef={categoryRef}
          >
            {picked && (
              <p className="field__hint" data-testid="rule-category-level" data-level={picked.handlingLevel}>
                {picked.handlingLevel === 'department' ? t('admin.routing.form.levelDepartment') : t('admin.routing.form.levelWard')}
              </p>
            )}
          </CategoryField>

          <WardPicker
            label={t('admin.routing.form.ward')}
            testId="rule-ward"
            wards={wards}
            value={ward}
            onChange={edit('ward', setWard)}
            cityWide
            placeholder={t('admin.routing.form.wardPlaceholder')}
            error={errorText(errors.ward)}
          />

          <UnitField {...bind('unit', 'rule-unit', unitId, setUnitId)} label={t('admin.routing.form.unit')} units={units} />
          <ValidFromField {...bind('validFrom', 'rule-valid-from', validFrom, setValidFrom)} label={t('admin.routing.form.validFrom')} />
          <RuleNoteField {...bind('note', 'rule-note', note, setNote)} wide />
        </>
      }
      error={<FieldMessage id="rule-form-error" testId="rule-form-error" message={errorText(errors.form)} />}
    >
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
            unit: format.unit(
              units.find((candidate) => candidate.id === competing[0].unit.id),
              competing[0].unit.name,
            ),
          })}
        </p>
      )}
    </AdminForm>
  );
}
