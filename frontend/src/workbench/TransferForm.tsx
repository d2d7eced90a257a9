import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../api/units';
import { MessageField } from './MessageField';
import { ProblemMessage } from './ProblemMessage';
import { actionProblemOf, type ActionProblem } from './actionProblem';
import { useWorkbenchFormat } from './useWorkbenchFormat';
import { useTicketTransfer, type Ticket } from './workbenchQueries';

const MIN_REASON = 3;

/** Sends a mis-routed ticket to another unit; the reason is recorded in the timeline (invariant 2). */
export function TransferForm({ ticket, onDone, onCancel }: { ticket: Ticket; onDone(): void; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const format = useWorkbenchFormat();
  const units = useUnits();
  const transfer = useTicketTransfer(ticket.id);
  const sending = transfer.isPending;
  const [unitId, setUnitId] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const unitFieldId = useId();
  const reasonId = useId();
  const choices = (units.data ?? []).filter((unit) => unit.id !== ticket.assignedUnit?.id);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!unitId) {
      setProblem({ kind: 'field', field: 'unitId', message: t('workbench.transfer.unitRequired') });
      return;
    }
    if (reason.trim().length < MIN_REASON) {
      setProblem({ kind: 'field', field: 'reason', message: t('workbench.transfer.reasonRequired', { min: MIN_REASON }) });
      return;
    }
    setProblem(null);
    try {
      await transfer.mutateAsync({ unitId, reason: reason.trim() });
      onDone();
    } catch (error) {
      setProblem(actionProblemOf(error, i18n.resolvedLanguage !== 'en'));
    }
  };

  return (
    <form className="wb-form" onSubmit={(event) => void submit(event)} noValidate data-testid="wb-transfer-form">
      <h3>{t('workbench.transfer.title')}</h3>
      <div className="wb-field">
        <label htmlFor={unitFieldId}>{t('workbench.transfer.unit')}</label>
        <select
          id={unitFieldId}
          value={unitId}
          data-testid="wb-transfer-unit"
          disabled={units.data === undefined}
          onChange={(event) => setUnitId(event.target.value)}
        >
          <option value="">{units.data === undefined ? t('common.loading') : t('workbench.transfer.choose')}</option>
          {choices.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {format.unit(unit)}
            </option>
          ))}
        </select>
      </div>
      <MessageField
        id={reasonId}
        label={t('workbench.transfer.reason')}
        rows={2}
        value={reason}
        maxLength={1000}
        testId="wb-transfer-reason"
        help={t('workbench.transfer.reasonHelp')}
        onChange={setReason}
      />
      {units.isError && (
        <p className="wb-problem" role="alert">
          {t('workbench.errors.network')}
        </p>
      )}
      {problem && <ProblemMessage problem={problem} testId="wb-transfer-error" />}
      <div className="wb-form__buttons">
        <button type="submit" className="button" disabled={sending} data-testid="wb-transfer-submit">
          {sending ? t('workbench.form.sending') : t('workbench.transfer.submit')}
        </button>
        <button type="button" className="button button--secondary" disabled={sending} data-testid="wb-transfer-cancel" onClick={onCancel}>
          {t('workbench.form.cancel')}
        </button>
      </div>
    </form>
  );
}
