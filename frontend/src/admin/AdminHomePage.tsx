import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import './admin.css';
import { HomePage } from '../home/HomePage';

const SECTIONS = [
  { id: 'routing', path: '/admin/routing' },
  { id: 'sla', path: '/admin/sla' },
  { id: 'calendar', path: '/admin/calendar' },
  { id: 'onTime', path: '/admin/on-time' },
  { id: 'users', path: '/admin/users' },
  { id: 'privacy', path: '/admin/privacy-requests' },
  { id: 'audit', path: '/admin/audit' },
] as const;

/** The admin's landing page: who they are (the shared home), then the settings they look after. */
export default function AdminHomePage() {
  const { t } = useTranslation();
  return (
    <>
      <HomePage />
      <nav className="page page--narrow admin-home" aria-labelledby="admin-home-title" data-testid="admin-home-links">
        <h2 id="admin-home-title">{t('admin.home.title')}</h2>
        <ul className="admin-home__list">
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <Link to={section.path} className="admin-home__card" data-testid={`admin-home-${section.id}`}>
                <span className="admin-home__name">{t(`admin.home.${section.id}.name`)}</span>
                <span className="admin-home__text">{t(`admin.home.${section.id}.text`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
