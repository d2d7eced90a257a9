import { useTranslation } from 'react-i18next';
import { useWorkbenchFormat } from './useWorkbenchFormat';
import type { Schemas } from '../api/client';

type SlaClock = Schemas['SlaClock'];

/** The ticket's SLA clocks (latest cycle of each kind): state and deadline in city time. */
export function SlaClocks({ clocks, now }: { clocks: readonly SlaClock[]; now: number }) {
  const { t } = useTranslation();
  const format = useWorkbenchFormat();
  if (clocks.length === 0) {
    return (
      <p className="admin-muted" data-testid="wb-sla-none">
        {t('workbench.sla.none')}
      </p>
    );
  }
  return (
    <ul className="wb-clocks" data-testid="wb-sla">
      {clocks.map((clock) => {
        const late = clock.state === 'running' && clock.dueAt !== null && Date.parse(clock.dueAt) < now;
        return (
          <li
            key={`${clock.kind}-${clock.cycle}`}
            className="wb-clock"
            data-testid="wb-sla-clock"
            data-kind={clock.kind}
            data-state={clock.state}
          >
            <span className="wb-clock__kind">{t(`workbench.sla.kinds.${clock.kind}`, { defaultValue: clock.kind })}</span>
            <span className={`wb-badge wb-badge--${late ? 'overdue' : clock.state === 'paused' ? 'paused' : 'neutral'}`}>
              {t(`workbench.sla.states.${clock.state}`, { defaultValue: clock.state })}
            </span>
            {clock.dueAt && (
              <span className="wb-clock__due">
                {t('workbench.sla.due')} <time dateTime={clock.dueAt}>{format.dateTime(clock.dueAt)}</time>
                {late && <strong className="wb-clock__late"> · {t('workbench.sla.late')}</strong>}
              </span>
            )}
            {clock.cycle > 1 && <span className="admin-muted">{t('workbench.sla.cycle', { cycle: clock.cycle })}</span>}
          </li>
        );
      })}
    </ul>
  );
}
