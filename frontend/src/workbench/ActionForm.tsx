import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoPicker } from '../report/PhotoPicker';
import { usePhotoUploads } from '../report/usePhotoUploads';
import { MessageField } from './MessageField';
import { ProblemMessage } from './ProblemMessage';
import { MIN_PUBLIC_MESSAGE, actionProblemOf, needsPublicMessage, type ActionProblem } from './actionProblem';
import { useTicketAction, type ActionBody, type ActionResult, type QueueItem, type Ticket, type TicketAction } from './workbenchQueries';
import '../report/report.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^HCM-\d{6}-[0-9A-Z]{6}$/;

interface ActionFormProps {
  ticket: Ticket;
  action: TicketAction;
  /** Tickets of the unit, so that a master ticket can be named by its tracking code. */
  queue: readonly QueueItem[];
  onDone(result: ActionResult): void;
  /** The ticket changed under the official (409): the page reloads it. */
  onConflict(problem: ActionProblem): void;
  onCancel(): void;
}

/** The form of one action: a public answer (required where the citizen must be told why), an internal note, photos on resolve, the master on merge. */
export function ActionForm({ ticket, action, queue, onDone, onConflict, onCancel }: ActionFormProps) {
  const { t, i18n } = useTranslation();
  const uploads = usePhotoUploads();
  const [publicMessage, setPublicMessage] = useState('');
  const [internalNote, setInternalNote] = useState('');
  const [master, setMaster] = useState('');
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const act = useTicketAction(ticket.id);
  const sending = act.isPending;
  const publicId = useId();
  const noteId = useId();
  const masterId = useId();
  const needsMessage = needsPublicMessage(action);
  const testId = `wb-action-form-${action}`;

  const resolveMaster = (): string | null => {
    const typed = master.trim();
    if (UUID.test(typed)) return typed;
    const code = typed.toUpperCase();
    if (!CODE.test(code)) return null;
    return queue.find((item) => item.code === code)?.id ?? null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const message = publicMessage.trim();
    if (needsMessage && message.length < MIN_PUBLIC_MESSAGE) {
      setProblem({ kind: 'field', field: 'publicMessage', message: t('workbench.form.publicRequired', { min: MIN_PUBLIC_MESSAGE }) });
      return;
    }
    if (!needsMessage && message.length > 0 && message.length < MIN_PUBLIC_MESSAGE) {
      setProblem({ kind: 'field', field: 'publicMessage', message: t('workbench.form.publicTooShort', { min: MIN_PUBLIC_MESSAGE }) });
      return;
    }
    if (uploads.pending) {
      setProblem({ kind: 'field', field: 'photos', message: t('report.photos.pending') });
      return;
    }
    const body: ActionBody = { version: ticket.version };
    if (message) body.publicMessage = message;
    if (internalNote.trim()) body.internalNote = internalNote.trim();
    if (action === 'resolve' && uploads.uploadIds.length > 0) body.photos = uploads.uploadIds;
    if (action === 'merge') {
      const id = resolveMaster();
      if (!id || id === ticket.id) {
        setProblem({ kind: 'field', field: 'masterId', message: t('workbench.form.masterUnknown') });
        return;
      }
      body.masterId = id;
    }
    setProblem(null);
    try {
      const result = await act.mutateAsync({ action, body });
      uploads.reset();
      onDone(result);
    } catch (error) {
      const found = actionProblemOf(error, i18n.resolvedLanguage !== 'en');
      if (found.kind === 'stale' || found.kind === 'illegal') onConflict(found);
      else setProblem(found);
    }
  };

  return (
    <form className="wb-form" onSubmit={(event) => void submit(event)} noValidate data-testid={testId} data-action={action}>
      <h3>{t(`workbench.actions.${action}`)}</h3>
      <p className="admin-muted">{t(`workbench.form.help.${action}`)}</p>
      {action === 'merge' && (
        <div className="wb-field">
          <label htmlFor={masterId}>{t('workbench.form.master')}</label>
          <input
            id={masterId}
            value={master}
            autoComplete="off"
            placeholder="HCM-251121-7K3QXZ"
            data-testid="wb-action-master"
            aria-invalid={problem?.kind === 'field' && problem.field === 'masterId' ? true : undefined}
            onChange={(event) => setMaster(event.target.value)}
          />
          <small className="admin-muted">{t('workbench.form.masterHelp')}</small>
        </div>
      )}
      <MessageField
        id={publicId}
        label={
          <>
            {t('workbench.form.publicMessage')} {!needsMessage && <span className="admin-muted">({t('workbench.form.optional')})</span>}
          </>
        }
        rows={4}
        value={publicMessage}
        maxLength={5000}
        required={needsMessage}
        testId="wb-action-public"
        help={t('workbench.form.publicHelp')}
        invalid={problem?.kind === 'field' && problem.field === 'publicMessage'}
        onChange={setPublicMessage}
      />
      <MessageField
        id={noteId}
        label={
          <>
            {t('workbench.form.internalNote')} <span className="admin-muted">({t('workbench.form.optional')})</span>
          </>
        }
        rows={2}
        value={internalNote}
        maxLength={5000}
        testId="wb-action-note"
        onChange={setInternalNote}
      />
      {action === 'resolve' && <PhotoPicker uploads={uploads} error={undefined} />}
      {problem && <ProblemMessage problem={problem} testId="wb-action-error" />}
      <div className="wb-form__buttons">
        <button type="submit" className="button" disabled={sending} data-testid="wb-action-submit">
          {sending ? t('workbench.form.sending') : t(`workbench.actions.${action}`)}
        </button>
        <button type="button" className="button button--secondary" disabled={sending} data-testid="wb-action-cancel" onClick={onCancel}>
          {t('workbench.form.cancel')}
        </button>
      </div>
    </form>
  );
}
