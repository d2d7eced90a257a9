import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export interface ApiData<T> {
  status: 'loading' | 'ready' | 'error';
  /** The last answer, kept while a new one loads so a table does not blink on every filter change. */
  data: T | null;
  error: unknown;
  reload(): void;
}

interface Answer<T> {
  ask: string;
  data: T | null;
  error: unknown;
  failed: boolean;
}

/**
 * One GET, run again whenever `key` changes or reload() is called; a null key waits (no token
 * yet). Answers to a request that has since been replaced are dropped.
 */
export function useApiData<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): ApiData<T> {
  const [version, setVersion] = useState(0);
  const [answer, setAnswer] = useState<Answer<T>>({ ask: '', data: null, error: null, failed: false });
  const run = useEffectEvent(load);
  const ask = key === null ? null : `${version}:${key}`;

  useEffect(() => {
    if (ask === null) return;
    const controller = new AbortController();
    run(controller.signal)
      .then((data) => setAnswer({ ask, data, error: null, failed: false }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setAnswer((previous) => ({ ask, data: previous.data, error, failed: true }));
      });
    return () => controller.abort();
  }, [ask]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  const settled = ask !== null && answer.ask === ask;
  return {
    status: !settled ? 'loading' : answer.failed ? 'error' : 'ready',
    data: answer.data,
    error: settled ? answer.error : null,
    reload,
  };
}
