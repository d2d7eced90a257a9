import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { citizenProblemOf, type CitizenProblem } from './citizenErrors';

export const MIN_CITIZEN_MESSAGE = 2;

interface CitizenMessageFormProps {
  /** 'reply' answers a request for information; 'reject' disputes a resolution. */
  kind: 'reply' | 'reject';
  send(message: string): Promise<unknown>;
}

/** One text box and a send button, used for the citizen's reply and for "I do not agree". */
export function CitizenMessageForm({ kind, send }: CitizenMessageFormProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<CitizenProblem | 'tooShort' | null>(null);
  const [sending, setSending] = useState(false);
  const fieldId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (message.trim().length < MIN_CITIZEN_MESSAGE) {
      setProblem('tooShort');
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      await send(message.trim());
      setMessage('');
    } catch (error) {
      setProblem(citizenProblemOf(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="track-action" onSubmit={(event) => void submit(event)} noValidate data-testid={`track-${kind}-form`}>
      <label htmlFor={fieldId} className="track-form__label">
        {t(`track.actions.${kind}.label`)}
      </label>
      <textarea
        id={fieldId}
        className="track-action__text"
        rows={4}
        maxLength={5000}
        value={message}
        aria-invalid={problem === 'tooShort' ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        data-testid={`track-${kind}-input`}
        onChange={(event) => setMessage(event.target.value)}
      />
      {problem && (
        <p id={errorId} className="track-error" role="alert" data-testid={`track-${kind}-error`} data-problem={problem}>
          {t(`track.actions.problems.${problem}`, { min: MIN_CITIZEN_MESSAGE })}
        </p>
      )}
      <button type="submit" className="button" disabled={sending} data-testid={`track-${kind}-submit`}>
        {sending ? t('track.actions.sending') : t(`track.actions.${kind}.submit`)}
      </button>
    </form>
  );
}
