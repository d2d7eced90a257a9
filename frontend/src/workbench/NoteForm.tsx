import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from './ProblemMessage';
import { actionProblemOf, type ActionProblem } from './actionProblem';
import { useTicketNote } from './workbenchQueries';

/** An internal note: it joins the timeline but the citizen never sees it. */
export function NoteForm({ ticketId }: { ticketId: string }) {
  const { t, i18n } = useTranslation();
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const note = useTicketNote(ticketId);
  const sending = note.isPending;
  const fieldId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (message.trim().length < 2) return;
    setProblem(null);
    try {
      await note.mutateAsync(message.trim());
      setMessage('');
    } catch (error) {
      setProblem(actionProblemOf(error, i18n.resolvedLanguage !== 'en'));
    }
  };

  return (
    <form className="wb-form wb-form--note" onSubmit={(event) => void submit(event)} data-testid="wb-note-form">
      <label htmlFor={fieldId}>{t('workbench.note.label')}</label>
      <textarea
        id={fieldId}
        rows={2}
        value={message}
        maxLength={5000}
        data-testid="wb-note-input"
        onChange={(event) => setMessage(event.target.value)}
      />
      {problem && <ProblemMessage problem={problem} testId="wb-note-error" />}
      <div className="wb-form__buttons">
        <button
          type="submit"
          className="button button--secondary"
          disabled={sending || message.trim().length < 2}
          data-testid="wb-note-submit"
        >
          {t('workbench.note.submit')}
        </button>
      </div>
    </form>
  );
}
