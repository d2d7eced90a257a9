import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/useAuth';
import { HOME_PATH } from './appPages';

interface MessagePageProps {
  /** The i18n key whose `title`, `body` and `back` texts the page shows. */
  textKey: 'forbidden' | 'notFound';
  testId: string;
}

/** A short page that says why nothing is shown here and links back to the user's home page. */
export function MessagePage({ textKey, testId }: MessagePageProps) {
  const { t } = useTranslation();
  const { audience } = useAuth();
  return (
    <section className="page page--narrow" data-testid={testId}>
      <h1>{t(`${textKey}.title`)}</h1>
      <p>{t(`${textKey}.body`)}</p>
      <Link to={HOME_PATH[audience]}>{t(`${textKey}.back`)}</Link>
    </section>
  );
}
