import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CitizenFormFooter } from './CitizenFormFooter';
import { useCheckedAction } from './useCheckedAction';
import type { CitizenAction } from './trackQueries';

export const MIN_CITIZEN_MESSAGE = 2;

interface CitizenMessageFormProps {
  /** 'reply' answers a request for information; 'reject' disputes a resolution. */
  kind: 'reply' | 'reject';
  action: CitizenAction<string>;
}

/** One text box and a send button, used for the citizen's reply and for "I do not agree". */
export function CitizenMessageForm({ kind, action }: CitizenMessageFormProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const fieldId = useId();
  const errorId = useId();
  const { sending, problem, send } = useCheckedAction(action, 'tooShort');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(message.trim().length >= MIN_CITIZEN_MESSAGE, message.trim(), () => setMessage(''));
  };

  return (
    <form className="track-action" onSubmit={submit} noValidate data-testid={`track-${kind}-form`}>
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
      <CitizenFormFooter name={kind} problem={problem} problemId={errorId} min={MIN_CITIZEN_MESSAGE} sending={sending} />
    </form>
  );
}
