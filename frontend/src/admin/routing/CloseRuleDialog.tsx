import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorsFromFailure, useErrorText, type AdminError } from '../adminErrors';
import { useCloseRoutingRule, type RoutingRule } from '../adminQueries';
import { ConfirmDialog } from '../ConfirmDialog';
import { RuleDescription } from './RuleDescription';
import type { RuleNames } from './ruleNames';

interface CloseRuleDialogProps {
  rule: RoutingRule;
  names: RuleNames;
  onClosed(): void;
  onCancel(): void;
}

/** Ends a rule now; the row stays as the record of who handled what when. */
export function CloseRuleDialog({ rule, names, onClosed, onCancel }: CloseRuleDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const close = useCloseRoutingRule();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AdminError | undefined>();

  const confirm = async () => {
    setBusy(true);
    try {
      await close.mutateAsync(rule.id);
      onClosed();
    } catch (failure) {
      setError(errorsFromFailure(failure, () => 'form').form);
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      title={t('admin.routing.close.title')}
      confirmLabel={t('admin.routing.close.confirm')}
      danger
      busy={busy}
      error={errorText(error)}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
      testId="rule-close-dialog"
    >
      <RuleDescription rule={rule} names={names} />
      <p>{rule.wardCode === null ? t('admin.routing.close.effectCity') : t('admin.routing.close.effectWard')}</p>
      <p className="admin-muted">{t('admin.routing.close.history')}</p>
    </ConfirmDialog>
  );
}
