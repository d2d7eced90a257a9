import { Suspense } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AccountSetupPage } from '../auth/AccountSetupPage';
import { setupStep } from '../auth/roles';
import { useAuth } from '../auth/useAuth';
import { HOME_PATH, allows, type AppPage } from './appPages';
import { ForbiddenPage } from './ForbiddenPage';
import { StatusMessage } from './StatusMessage';

/** Applies a page's audiences: anonymous visitors go to sign-in, staff to their own home or a 403. */
export function PageGate({ page }: { page: AppPage }) {
  const { status, audience, user } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();

  if (page.audiences !== 'everyone') {
    if (status === 'restoring') return <StatusMessage testId="auth-restoring">{t('auth.restoring')}</StatusMessage>;
    if (!allows(page, audience)) {
      if (audience === 'citizen') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
      // A signed-in official opening the public home is sent to their own home, not refused.
      if (page.audiences.includes('citizen')) return <Navigate to={HOME_PATH[audience]} replace />;
      return <ForbiddenPage />;
    }
    // A temporary password or a missing second factor: the account is set up before anything else.
    if (setupStep(user)) return <AccountSetupPage />;
  }

  return <Suspense fallback={<StatusMessage testId="page-loading">{t('common.loading')}</StatusMessage>}>{page.render()}</Suspense>;
}
