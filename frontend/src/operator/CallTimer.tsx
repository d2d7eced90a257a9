import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallFormat } from './useCallFormat';

// The call centre's target: a call logged in under a minute (design brief, operator row).
const TARGET_MS = 60_000;

/** Time since the operator started typing this call; turns amber past the one-minute target. */
export function CallTimer({ startedAt }: { startedAt: number | null }) {
  const { t } = useTranslation();
  const format = useCallFormat();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (startedAt === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [startedAt]);

  const elapsed = startedAt === null ? 0 : Math.max(0, now - startedAt);
  return (
    <p className={`call-timer${elapsed > TARGET_MS ? ' call-timer--over' : ''}`} data-testid="call-timer">
      <span className="call-timer__label">{t('operator.timer')}</span> <time>{format.duration(elapsed)}</time>
    </p>
  );
}
