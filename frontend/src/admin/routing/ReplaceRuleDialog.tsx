import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorsFromFailure, useErrorText, type FormErrors } from '../adminErrors';
import { useCloseRoutingRule, useCreateRoutingRule, type HandlingUnit, type RoutingRule } from '../adminQueries';
import { ConfirmDialog } from '../ConfirmDialog';
import { RuleDescription } from './RuleDescription';
import type { RuleNames } from './ruleNames';
import { RuleNoteField } from './RuleNoteField';
import { UnitField } from './UnitField';

type ReplaceField = 'unit' | 'note';

interface ReplaceRuleDialogProps {
  rule: RoutingRule;
  names: RuleNames;
  units: readonly HandlingUnit[];
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
export function ReplaceRuleDialog({ rule, names, units, onReplaced, onPartial, onCancel }: ReplaceRuleDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const create = useCreateRoutingRule();
  const close = useCloseRoutingRule();
  const [unitId, setUnitId] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<ReplaceField>>({});
  const [createdId, setCreatedId] = useState<number | null>(null);

  const pickUnit = (id: string) => {
    setUnitId(id);
    setErrors({});
  };

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
        newId = (await create.mutateAsync({ category: rule.category, wardCode: rule.wardCode, unitId, note: note.trim() })).id;
        setCreatedId(newId);
      }
    } catch (failure) {
      setErrors(errorsFromFailure(failure, (field) => (field === 'unitId' ? 'unit' : field === 'note' ? 'note' : 'form')));
      setBusy(false);
      return;
    }
    try {
      await close.mutateAsync(rule.id);
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
      <UnitField
        id="replace-unit"
        testId="rule-replace-unit"
        label={t('admin.routing.replace.unit')}
        units={units}
        value={unitId}
        onChange={pickUnit}
        error={errorText(errors.unit)}
        excludeId={rule.unit.id}
      />
      <RuleNoteField id="replace-note" testId="rule-replace-note" value={note} onChange={setNote} error={errorText(errors.note)} />
      <p className="admin-muted">{t('admin.routing.replace.effect')}</p>
    </ConfirmDialog>
  );
}
