import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/httpClient';
import { loadErrorKey } from './adminErrors';
import type { ApiData } from './useApiData';

/** What a list shows while it has nothing yet: a loading line, or the failure and a retry. */
/** `errorsOnly`: a list the page can wait for quietly (names to look up) shows only its failure. */
export function LoadProblem({ data, testId, errorsOnly = false }: { data: ApiData<unknown>; testId: string; errorsOnly?: boolean }) {
  const { t } = useTranslation();
  if (data.status === 'error') {
    const key = loadErrorKey(data.error);
    return (
      <div className="admin-problem" role="alert" data-testid={`${testId}-error`}>
        <span>{t(`admin.errors.${key}`, { status: data.error instanceof ApiError ? data.error.status : 0 })}</span>
        <button type="button" className="button button--secondary" onClick={data.reload} data-testid={`${testId}-retry`}>
          {t('admin.common.retry')}
        </button>
      </div>
    );
  }
  if (data.status === 'loading' && data.data === null && !errorsOnly) {
    return (
      <p className="admin-loading" role="status" data-testid={`${testId}-loading`}>
        {t('common.loading')}
      </p>
    );
  }
  return null;
}
