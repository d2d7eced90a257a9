import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import vi from './vi.json';

export const SUPPORTED_LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** Language names are shown in their own language so a reader finds theirs whatever is active. */
export const LANGUAGE_NAMES: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English' };

// English must carry every Vietnamese key; this fails the typecheck when one is missing.
const english: typeof vi = en;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}

function reflectLanguage(lng: string): void {
  document.documentElement.lang = lng;
  document.title = i18n.t('app.documentTitle');
}

i18n.on('languageChanged', reflectLanguage);

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { vi: { translation: vi }, en: { translation: english } },
    supportedLngs: [...SUPPORTED_LANGUAGES],
    // Vietnamese is the city's working language: only an explicit choice saved in this browser
    // switches to English, never the browser's own language list.
    fallbackLng: 'vi',
    load: 'languageOnly',
    detection: {
      order: ['localStorage'],
      lookupLocalStorage: 'lang1022',
      caches: ['localStorage'],
    },
    initAsync: false,
    interpolation: { escapeValue: false },
  });

export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
}

export default i18n;
