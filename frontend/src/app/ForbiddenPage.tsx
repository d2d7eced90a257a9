import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/useAuth';
import { HOME_PATH } from './appPages';

export function ForbiddenPage() {
  const { t } = useTranslation();
  const { audience } = useAuth();
  return (
    <section className="page page--narrow" data-testid="forbidden-page">
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.body')}</p>
      <Link to={HOME_PATH[audience]}>{t('forbidden.back')}</Link>
    </section>
  );
}
