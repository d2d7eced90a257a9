import { Link } from 'react-router-dom';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrorMessage, errorProps, errorId } from './FieldErrorMessage';
import { hasContact, type ContactDraft, type FieldErrors, type FieldKey } from './reportForm';

interface ContactFieldsProps {
  contact: ContactDraft;
  onContact(contact: ContactDraft): void;
  consent: boolean;
  onConsent(consent: boolean): void;
  errors: FieldErrors;
}

/**
 * Optional contact details. Consent to their processing (Decree 13/2023/NĐ-CP on personal data
 * protection) is asked only once there is personal data to process.
 */
export function ContactFields({ contact, onContact, consent, onConsent, errors }: ContactFieldsProps) {
  const { t } = useTranslation();
  const hideHelpId = useId();
  const noticeId = useId();
  const needsConsent = hasContact(contact);

  const input = (field: 'name' | 'phone' | 'email', key: FieldKey, type: string, autoComplete: string) => {
    const id = `report-contact-${field}`;
    return (
      <div className="report-field">
        <label htmlFor={id} className="report-label">
          {t(`report.contact.${field}`)}
        </label>
        <input
          id={id}
          type={type}
          className="report-input"
          value={contact[field]}
          autoComplete={autoComplete}
          inputMode={field === 'phone' ? 'tel' : undefined}
          maxLength={field === 'name' ? 200 : field === 'email' ? 254 : 20}
          placeholder={field === 'phone' ? '0901234567' : undefined}
          data-testid={id}
          {...errorProps(key, errors[key])}
          onChange={(event) => onContact({ ...contact, [field]: event.target.value })}
        />
        <FieldErrorMessage field={key} error={errors[key]} />
      </div>
    );
  };

  return (
    <div className="report-contact">
      <p className="report-muted">{t('report.contact.intro')}</p>
      <div className="report-contact__grid">
        {input('name', 'reporter.name', 'text', 'name')}
        {input('phone', 'reporter.phone', 'tel', 'tel')}
        {input('email', 'reporter.email', 'email', 'email')}
      </div>

      <label className="report-check">
        <input
          type="checkbox"
          checked={contact.hideIdentity}
          data-testid="report-hide-identity"
          aria-describedby={hideHelpId}
          onChange={(event) => onContact({ ...contact, hideIdentity: event.target.checked })}
        />
        <span>{t('report.contact.hideIdentity')}</span>
      </label>
      <p id={hideHelpId} className="report-muted report-check__help">
        {t('report.contact.hideIdentityHelp')}
      </p>

      <div className="report-privacy" id={noticeId} data-testid="report-privacy-notice">
        <p className="report-privacy__title">{t('report.contact.noticeTitle')}</p>
        <p>{t('report.contact.notice')}</p>
        <p>
          {/* A new tab: the report being written stays as it is. */}
          <Link to="/privacy" target="_blank" rel="noopener" data-testid="report-privacy-link">
            {t('privacy.footerLink')}
          </Link>
        </p>
      </div>
      <label className="report-check">
        <input
          type="checkbox"
          checked={consent}
          required={needsConsent}
          data-testid="report-consent"
          aria-describedby={errors.consent ? `${noticeId} ${errorId('consent')}` : noticeId}
          aria-invalid={errors.consent ? true : undefined}
          onChange={(event) => onConsent(event.target.checked)}
        />
        <span>
          {t('report.contact.consent')}
          {needsConsent && (
            <span className="report-required" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </span>
      </label>
      <FieldErrorMessage field="consent" error={errors.consent} />
    </div>
  );
}
