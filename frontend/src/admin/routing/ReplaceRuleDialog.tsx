import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { closeRoutingRule, createRoutingRule } from '../adminApi';
import { errorsFromFailure, useErrorText, type FormErrors } from '../adminErrors';
import type { HandlingUnit, RoutingRule } from '../adminTypes';
import { ConfirmDialog } from '../ConfirmDialog';
import { FieldMessage } from '../FieldMessage';
import { RuleDescription } from './RuleDescription';
import type { RuleNames } from './ruleNames';
import { UnitSelect } from './UnitSelect';

type ReplaceField = 'unit' | 'note';

interface ReplaceRuleDialogProps {
  rule: RoutingRule;
  names: RuleNames;
  units: readonly HandlingUnit[];
  token: string;
  onReplaced(newId: number): void;
  /** The new rule was added but the old one could not be closed: the list must be reloaded. */
  onPartial(): void;
  onCancel(): void;
}

/**
 * "Changing" a rule: rules are never edited in place. The new rule (same category and place,
 * another unit) is added first and the old one closed right after; among rules of one level the
 * newest wins, so reports never fall through to a lower level in between.
 */
export function ReplaceRuleDialog({ rule, names, units, token, onReplaced, onPartial, onCancel }: ReplaceRuleDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [unitId, setUnitId] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<ReplaceField>>({});
  const [createdId, setCreatedId] = useState<number | null>(null);

  const confirm = async () => {
    if (!unitId) {
      setErrors({ unit: { key: 'required' } });
      return;
    }
    setBusy(true);
    let newId = createdId;
    try {
      // A retry after a failed close must not add the new rule a second time.
      if (newId === null) {
        newId = (await createRoutingRule({ category: rule.category, wardCode: rule.wardCode, unitId, note: note.trim() }, token)).id;
        setCreatedId(newId);
      }
    } catch (failure) {
      setErrors(errorsFromFailure(failure, (field) => (field === 'unitId' ? 'unit' : field === 'note' ? 'note' : 'form')));
      setBusy(false);
      return;
    }
    try {
      await closeRoutingRule(rule.id, token);
      onReplaced(newId);
    } catch (failure) {
      setErrors(errorsFromFailure(failure, () => 'form'));
      setBusy(false);
      onPartial();
    }
  };

  return (
    <ConfirmDialog
      title={t('admin.routing.replace.title')}
      confirmLabel={t('admin.routing.replace.confirm')}
      busy={busy}
      error={
        errors.form
          ? createdId !== null
            ? t('admin.routing.replace.partial', { id: createdId, reason: errorText(errors.form) })
            : errorText(errors.form)
          : null
      }
      onConfirm={() => void confirm()}
      onCancel={onCancel}
      testId="rule-replace-dialog"
    >
      <RuleDescription rule={rule} names={names} />
      <div className="admin-field">
        <label htmlFor="replace-unit">{t('admin.routing.replace.unit')}</label>
        <UnitSelect
          id="replace-unit"
          testId="rule-replace-unit"
          units={units}
          value={unitId}
          onChange={(id) => {
            setUnitId(id);
            setErrors({});
          }}
          excludeId={rule.unit.id}
          invalid={Boolean(errors.unit)}
          describedBy={errors.unit ? 'replace-unit-error' : undefined}
        />
        <FieldMessage id="replace-unit-error" testId="rule-replace-unit-error" message={errorText(errors.unit)} />
      </div>
      <div className="admin-field">
        <label htmlFor="replace-note">{t('admin.routing.form.note')}</label>
        <textarea
          id="replace-note"
          rows={2}
          maxLength={1000}
          value={note}
          placeholder={t('admin.routing.form.notePlaceholder')}
          onChange={(event) => setNote(event.target.value)}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? 'replace-note-error' : undefined}
          data-testid="rule-replace-note"
        />
        <FieldMessage id="replace-note-error" testId="rule-replace-note-error" message={errorText(errors.note)} />
      </div>
      <p className="admin-muted">{t('admin.routing.replace.effect')}</p>
    </ConfirmDialog>
  );
}
