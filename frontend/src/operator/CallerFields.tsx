import type { KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage } from '../ui/FieldMessage';
import { CallTextField } from './CallTextField';

interface CallerFieldsProps {
  phone: string;
  onPhoneChange(text: string): void;
  onPhoneKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
  onPhoneBlur(): void;
  phoneRef: Ref<HTMLInputElement>;
  phoneError: string | null;
  callerName: string;
  onCallerNameChange(text: string): void;
  callerNameError: string | null;
  hideIdentity: boolean;
  onHideIdentityChange(hide: boolean): void;
}

/** The caller: number first (it has the focus when a call starts), then name and confidentiality. */
export function CallerFields({ phoneRef, ...props }: CallerFieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="call-section">
      <legend>{t('operator.caller.heading')}</legend>
      <div className="call-row call-row--caller">
        <div className="field call-field call-field--phone">
          <label htmlFor="call-phone">{t('operator.caller.phone')}</label>
          <input
            id="call-phone"
            ref={phoneRef}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            autoFocus
            value={props.phone}
            onChange={(event) => props.onPhoneChange(event.target.value)}
            onKeyDown={props.onPhoneKeyDown}
            onBlur={props.onPhoneBlur}
            aria-invalid={props.phoneError ? true : undefined}
            aria-describedby={props.phoneError ? 'call-phone-error' : 'call-phone-hint'}
            data-testid="call-phone"
          />
          <p id="call-phone-hint" className="field__hint">
            {t('operator.caller.phoneHint')}
          </p>
          <FieldMessage id="call-phone-error" testId="call-phone-error" message={props.phoneError} />
        </div>
        <CallTextField
          id="call-caller-name"
          label={t('operator.caller.name')}
          value={props.callerName}
          error={props.callerNameError}
          onValueChange={props.onCallerNameChange}
        />
        <div className="field call-field call-field--check">
          <label className="call-check">
            <input
              type="checkbox"
              checked={props.hideIdentity}
              onChange={(event) => props.onHideIdentityChange(event.target.checked)}
              aria-describedby="call-hide-identity-hint"
              data-testid="call-hide-identity"
            />
            {t('operator.caller.hideIdentity')}
          </label>
          <p id="call-hide-identity-hint" className="field__hint">
            {t('operator.caller.hideIdentityHint')}
          </p>
        </div>
      </div>
    </fieldset>
  );
}
