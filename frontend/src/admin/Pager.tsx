import { useTranslation } from 'react-i18next';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
  testId: string;
}

/** "1–50 of 661" with previous and next; pages count from 0. */
export function Pager({ page, pageSize, total, onPage, testId }: PagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize) return null;
  return (
    <nav className="admin-pager" aria-label={t('admin.common.pages')} data-testid={testId}>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onPage(page - 1)}
        disabled={page === 0}
        data-testid={`${testId}-prev`}
      >
        {t('admin.common.previous')}
      </button>
      <span aria-live="polite">
        {t('admin.common.range', { from: page * pageSize + 1, to: Math.min(total, (page + 1) * pageSize), total })}
      </span>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onPage(page + 1)}
        disabled={page >= pages - 1}
        data-testid={`${testId}-next`}
      >
        {t('admin.common.next')}
      </button>
    </nav>
  );
}
