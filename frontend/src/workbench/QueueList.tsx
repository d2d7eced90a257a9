import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useTrackLabels } from '../track/trackLabels';
import { DeadlineBadge } from './DeadlineBadge';
import { deadlineOf } from './deadline';
import { useWorkbenchFormat } from './useWorkbenchFormat';
import type { QueueItem } from './workbenchQueries';

/** One card per ticket: a table on a laptop, a single column on a phone (CSS grid). */
export function QueueList({ items, now }: { items: readonly QueueItem[]; now: number }) {
  const { t } = useTranslation();
  const labels = useTrackLabels();
  const format = useWorkbenchFormat();

  return (
    <ol className="wb-queue" data-testid="wb-queue">
      {items.map((item) => {
        const deadline = deadlineOf(item, now);
        return (
          <li
            key={item.id}
            className={`wb-row wb-row--${deadline.state}`}
            data-testid="wb-queue-item"
            data-id={item.id}
            data-code={item.code}
            data-status={item.status}
          >
            <Link to={`/workbench/tickets/${item.id}`} className="wb-row__code" data-testid="wb-queue-open">
              {item.code}
            </Link>
            <span className={`wb-status wb-status--${item.status}`} data-testid="wb-queue-status">
              {labels.status(item.status)}
            </span>
            <span className="wb-row__category">{format.category(item.category)}</span>
            <span className="wb-row__ward">{item.ward.name}</span>
            <span className="wb-row__created">
              <span className="visually-hidden">{t('workbench.fields.createdAt')} </span>
              <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
            </span>
            <span className="wb-row__deadline">
              {item.priority !== 'normal' && (
                <span className="wb-badge wb-badge--priority" data-testid="wb-queue-priority" data-priority={item.priority}>
                  {t(`workbench.priorities.${item.priority}`, { defaultValue: item.priority })}
                </span>
              )}
              <DeadlineBadge deadline={deadline} />
            </span>
          </li>
        );
      })}
    </ol>
  );
}
