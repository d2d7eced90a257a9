import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/useAuth';
import { HOME_PATH } from './appPages';

export function NotFoundPage() {
  const { t } = useTranslation();
  const { audience } = useAuth();
  return (
    <section className="page page--narrow" data-testid="not-found-page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to={HOME_PATH[audience]}>{t('notFound.back')}</Link>
    </section>
  );
}
