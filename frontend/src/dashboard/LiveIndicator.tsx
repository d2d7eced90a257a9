import { useTranslation } from 'react-i18next';
import type { LiveState } from './useLiveGeneration';

/** A dot and a word: green "live" while the event stream is open, grey while it reconnects. */
export function LiveIndicator({ live }: { live: LiveState }) {
  const { t, i18n } = useTranslation();
  const time = live.at
    ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', timeStyle: 'medium' }).format(
        new Date(live.at),
      )
    : null;
  return (
    <p
      className={`live-indicator live-indicator--${live.status}`}
      role="status"
      data-testid="live-indicator"
      data-status={live.status}
      data-generation={live.generation ?? ''}
      title={time ? t('dashboard.live.updated', { time }) : undefined}
    >
      <span className="live-indicator__dot" aria-hidden="true" />
      {live.status === 'open' ? t('dashboard.live.on') : t('dashboard.live.off')}
    </p>
  );
}
