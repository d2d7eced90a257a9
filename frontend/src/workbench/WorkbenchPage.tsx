import { useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LoadProblem } from '../admin/LoadProblem';
import { loadStateOf } from '../api/loadState';
import { useAuth } from '../auth/useAuth';
import { useUnitName } from '../auth/useUnitName';
import { QueueFilters } from './QueueFilters';
import { QueueList } from './QueueList';
import { QueueMap } from './QueueMap';
import { deadlineOf } from './deadline';
import { FILTER_KEYS, filterQueue, queueChoices, type QueueFilter } from './queueFilter';
import { useNow } from './useNow';
import { useQueue } from './workbenchQueries';
import '../admin/admin.css';
import './workbench.css';

/** `/workbench`: the open tickets of the official's unit, most urgent deadline first. */
export default function WorkbenchPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  // Filters live in the address so that going back from a ticket finds the queue as it was left.
  const [params, setParams] = useSearchParams();
  // Officials see their own unit; a leader (no unit) reads the unit the address names, read-only.
  const named = params.get('unit');
  const unit = user?.unit ?? (named ? { id: named, name: params.get('unitName') ?? '', kind: 'ward_committee' } : null);
  const unitName = useUnitName(unit);
  const now = useNow();
  const queue = loadStateOf(useQueue(unit?.id ?? null));
  const transferred = (useLocation().state as { transferred?: string } | null)?.transferred;
  const filter = useMemo(
    () => Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as unknown as QueueFilter,
    [params],
  );

  const items = useMemo(() => queue.data ?? [], [queue.data]);
  const choices = useMemo(() => queueChoices(items), [items]);
  // Memoised so the map gets new markers only when the queue or a filter changes.
  const shown = useMemo(() => filterQueue(items, filter), [items, filter]);
  const counts = { overdue: 0, warning: 0, paused: 0 };
  for (const item of items) {
    const state = deadlineOf(item, now).state;
    if (state === 'overdue' || state === 'warning' || state === 'paused') counts[state] += 1;
  }

  const change = (patch: Partial<QueueFilter>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  return (
    <section className="admin wb" data-testid="workbench-page">
      <header className="admin-head">
        <div>
          <h1>{t('workbench.title')}</h1>
          <p className="admin-lead" data-testid="wb-unit">
            {unitName ?? t('workbench.noUnit')}
          </p>
        </div>
        <div className="wb-head-actions">
          <p className="wb-summary" data-testid="wb-summary" aria-live="polite">
            <span data-testid="wb-count-total">{t('workbench.summary.total', { count: items.length })}</span>
            <span className="wb-badge wb-badge--overdue" data-testid="wb-count-overdue">
              {t('workbench.summary.overdue', { count: counts.overdue })}
            </span>
            <span className="wb-badge wb-badge--warning" data-testid="wb-count-warning">
              {t('workbench.summary.warning', { count: counts.warning })}
            </span>
            <span className="wb-badge wb-badge--paused" data-testid="wb-count-paused">
              {t('workbench.summary.paused', { count: counts.paused })}
            </span>
          </p>
          <button
            type="button"
            className="button button--secondary"
            data-testid="wb-refresh"
            onClick={queue.reload}
            disabled={queue.status === 'loading'}
          >
            {t('workbench.refresh')}
          </button>
        </div>
      </header>

      {transferred && (
        <p className="wb-done" role="status" data-testid="wb-transferred">
          {t('workbench.transfer.done', { code: transferred })}
        </p>
      )}
      {!unit ? (
        <p className="admin-problem" role="alert" data-testid="wb-no-unit">
          {t('workbench.noUnitBody')}
        </p>
      ) : (
        <>
          <QueueFilters
            filter={filter}
            choices={choices}
            onChange={change}
            onClear={() => setParams(new URLSearchParams(), { replace: true })}
          />
          <LoadProblem data={queue} testId="wb-queue" />
          {queue.data !== null && items.length === 0 && (
            <p className="wb-empty" data-testid="wb-queue-empty">
              {t('workbench.empty')}
            </p>
          )}
          {items.length > 0 && shown.length === 0 && (
            <p className="wb-empty" data-testid="wb-queue-no-match">
              {t('workbench.noMatch')}
            </p>
          )}
          {/* The map shows what the list shows: the same filtered tickets. */}
          {items.length > 0 && <QueueMap items={shown} now={now} />}
          {shown.length > 0 && <QueueList items={shown} now={now} />}
        </>
      )}
    </section>
  );
}
