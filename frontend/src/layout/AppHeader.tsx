import { Link, NavLink, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { HOME_PATH, navPagesFor } from '../app/appPages';
import { useAuth } from '../auth/useAuth';
import { useUnitName } from '../auth/useUnitName';
import { LanguageSwitch } from './LanguageSwitch';

export function AppHeader() {
  const { t } = useTranslation();
  const { user, audience, status, logout } = useAuth();
  const unitName = useUnitName(user?.unit ?? null);
  const navigate = useNavigate();

  // flushSync renders the sign-out and the move to the public home together; otherwise the
  // staff page would re-render signed out first and bounce to the sign-in page.
  const onLogout = () => {
    logout();
    void navigate('/', { replace: true, flushSync: true });
  };

  return (
    <header className="app-header" data-testid="app-header">
      <Link to={HOME_PATH[audience]} className="app-header__brand" data-testid="app-name">
        <span className="app-header__logo" aria-hidden="true">
          1022
        </span>
        <span className="app-header__name">{t('app.name')}</span>
      </Link>

      <nav className="app-header__nav" aria-label={t('nav.label')} data-testid="main-nav">
        {navPagesFor(audience).map((page) =>
          page.nav ? (
            <NavLink key={page.id} to={page.path} end data-testid={`nav-${page.nav.id}`}>
              {t(page.nav.labelKey)}
            </NavLink>
          ) : null,
        )}
      </nav>

      <div className="app-header__tools">
        <LanguageSwitch />
        {user ? (
          <div className="app-header__user" data-testid="user-menu">
            <span className="app-header__user-text">
              <span className="app-header__user-name" data-testid="user-name">
                {user.fullName}
              </span>
              <span className="app-header__user-unit" data-testid="user-unit">
                {unitName ?? t(`roles.${user.role}`)}
              </span>
            </span>
            <Link to="/account/sessions" className="button button--quiet" data-testid="nav-sessions">
              {t('nav.sessions')}
            </Link>
            <button type="button" className="button button--quiet" onClick={onLogout} data-testid="logout-button">
              {t('nav.logout')}
            </button>
          </div>
        ) : status === 'anonymous' ? (
          <NavLink to="/login" className="button button--quiet" data-testid="nav-login">
            {t('nav.login')}
          </NavLink>
        ) : null}
      </div>
    </header>
  );
}
