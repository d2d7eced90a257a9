import { useTranslation } from 'react-i18next';
import type { Deadline } from './deadline';
import { useWorkbenchFormat } from './useWorkbenchFormat';

/** Time left to the resolution deadline, coloured by urgency; paused clocks say so instead. */
export function DeadlineBadge({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation();
  const format = useWorkbenchFormat();
  const { state, remainingMs, dueAt } = deadline;
  let text: string;
  if (state === 'paused') text = t('workbench.deadline.paused');
  else if (state === 'none' || remainingMs === null) text = t('workbench.deadline.none');
  else if (state === 'overdue') text = t('workbench.deadline.overdue', { duration: format.duration(remainingMs) });
  else text = t('workbench.deadline.left', { duration: format.duration(remainingMs) });
  return (
    <span
      className={`wb-badge wb-badge--${state}`}
      data-testid="wb-deadline"
      data-state={state}
      title={dueAt ? t('workbench.deadline.dueAt', { at: format.dateTime(dueAt) }) : undefined}
    >
      {text}
    </span>
  );
}
