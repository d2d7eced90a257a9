import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { normaliseTrackingCode } from './trackingCode';

/** Looks a report up by its code, however it was typed. */
export function TrackCodeForm({ initial = '', autoFocus = false }: { initial?: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const inputId = useId();
  const errorId = useId();
  const helpId = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const code = normaliseTrackingCode(value);
    if (!code) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setValue(code);
    void navigate(`/track/${code}`);
  };

  return (
    <form className="track-form" onSubmit={onSubmit} noValidate data-testid="track-code-form">
      <label htmlFor={inputId} className="track-form__label">
        {t('track.form.label')}
      </label>
      <div className="track-form__row">
        <input
          id={inputId}
          className="track-form__input"
          value={value}
          autoFocus={autoFocus}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="HCM-251121-7K3QXZ"
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${helpId} ${errorId}` : helpId}
          data-testid="track-code-input"
          onChange={(event) => {
            setValue(event.target.value);
            setInvalid(false);
          }}
        />
        <button type="submit" className="button" data-testid="track-code-submit">
          {t('track.form.submit')}
        </button>
      </div>
      <p id={helpId} className="track-muted">
        {t('track.form.help')}
      </p>
      {invalid && (
        <p id={errorId} className="track-error" role="alert" data-testid="track-code-error">
          {t('track.form.invalid')}
        </p>
      )}
    </form>
  );
}
