import { useTranslation } from 'react-i18next';

/** How the router picks a unit (backend routing/route-resolution.ts), in the admin's words. */
export function PrecedenceNote() {
  const { t } = useTranslation();
  return (
    <details className="admin-panel admin-precedence" open data-testid="routing-precedence">
      <summary>{t('admin.routing.precedence.title')}</summary>
      <ol>
        <li>{t('admin.routing.precedence.wardRule')}</li>
        <li>{t('admin.routing.precedence.cityRule')}</li>
        <li>{t('admin.routing.precedence.categoryDefault')}</li>
        <li>{t('admin.routing.precedence.wardCommittee')}</li>
      </ol>
      <p>{t('admin.routing.precedence.newest')}</p>
      <p>{t('admin.routing.precedence.effectiveDated')}</p>
    </details>
  );
}
