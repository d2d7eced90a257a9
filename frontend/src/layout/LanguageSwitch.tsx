import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES, currentLanguage } from '../i18n/i18n';

/** The detector caches the choice in localStorage, so it survives reloads and new tabs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {SUPPORTED_LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="language-switch__option"
          aria-pressed={active === lng}
          data-testid={`lang-${lng}`}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {LANGUAGE_NAMES[lng]}
        </button>
      ))}
    </div>
  );
}
