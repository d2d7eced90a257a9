import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, type HandlingUnit } from '../adminQueries';
import { controlAttributes, FormField } from '../FormField';
import { useAdminFormat } from '../useAdminFormat';

interface UnitFieldProps {
  id: string;
  testId: string;
  label: string;
  units: readonly HandlingUnit[];
  value: string;
  onChange(unitId: string): void;
  error: string | null;
  /** A unit that may not be chosen (the one a replaced rule already names). */
  excludeId?: string;
}

/** The unit a rule sends to; handling units grouped by kind: city bodies, departments, utilities, then the ward committees. */
export function UnitField(props: UnitFieldProps) {
  const { t } = useTranslation();
  const format = useAdminFormat();
  const known = new Set<string>(UNIT_KINDS);
  const kinds = [...UNIT_KINDS, ...new Set(props.units.map((unit) => unit.kind).filter((kind) => !known.has(kind)))];
  const byName = (a: HandlingUnit, b: HandlingUnit) => format.unit(a, a.code).localeCompare(format.unit(b, b.code), format.locale);

  return (
    <FormField id={props.id} testId={props.testId} label={props.label} error={props.error}>
      {(control) => (
        <select {...controlAttributes(control)} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
          <option value="">{t('admin.routing.form.chooseUnit')}</option>
          {kinds.map((kind) => {
            const units = props.units.filter((unit) => unit.kind === kind && unit.id !== props.excludeId).sort(byName);
            if (units.length === 0) return null;
            return (
              <optgroup key={kind} label={isKnownKind(kind) ? t(`unitKinds.${kind}`) : kind}>
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id} data-code={unit.code}>
                    {format.unit(unit, unit.code)} ({unit.code})
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      )}
    </FormField>
  );
}

function isKnownKind(kind: string): kind is (typeof UNIT_KINDS)[number] {
  return (UNIT_KINDS as readonly string[]).includes(kind);
}
