import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/apiError';
import { loadErrorKey } from './adminErrors';
import type { LoadState as PageLoad } from '../api/loadState';

/** What a list's load shows of its query (a TanStack Query result). */
export interface QueryLoad {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch(): unknown;
}

/** A TanStack Query result, or a page's LoadState of one (api/loadState.ts). */
function stateOf(data: QueryLoad | PageLoad<unknown>): QueryLoad {
  if (!('reload' in data)) return data;
  return {
    isPending: data.status === 'loading' && data.data === null,
    isError: data.status === 'error',
    error: data.error,
    refetch: data.reload,
  };
}

/** What a list shows while it has nothing yet: a loading line, or the failure and a retry. */
/** `errorsOnly`: a list the page can wait for quietly (names to look up) shows only its failure. */
export function LoadProblem({
  testId,
  errorsOnly = false,
  ...props
}: {
  data: QueryLoad | PageLoad<unknown>;
  testId: string;
  errorsOnly?: boolean;
}) {
  const { t } = useTranslation();
  const data = stateOf(props.data);
  if (data.isError) {
    const key = loadErrorKey(data.error);
    return (
      <div className="admin-problem" role="alert" data-testid={`${testId}-error`}>
        <span>{t(`admin.errors.${key}`, { status: data.error instanceof ApiError ? data.error.status : 0 })}</span>
        <button type="button" className="button button--secondary" onClick={() => void data.refetch()} data-testid={`${testId}-retry`}>
          {t('admin.common.retry')}
        </button>
      </div>
    );
  }
  if (data.isPending && !errorsOnly) {
    return (
      <p className="admin-loading" role="status" data-testid={`${testId}-loading`}>
        {t('common.loading')}
      </p>
    );
  }
  return null;
}
