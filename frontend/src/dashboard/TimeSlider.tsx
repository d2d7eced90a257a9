import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Options } from '../admin/Options';
import { RadioGroup } from './RadioGroup';
import {
  clampStep,
  lastDayOf,
  nextPlayStep,
  playStart,
  stepCount,
  windowBounds,
  type SpanDays,
  type TimeSelection,
  type WindowKind,
} from './timeWindow';

const KINDS: readonly WindowKind[] = ['span', 'week', 'day'];
const WINDOW_CHOICE = { name: 'dashboard-window', className: 'dashboard-time__kinds', values: KINDS } as const;
const SPANS: readonly SpanDays[] = [30, 90];
/** One window per this long while playing: enough for a view's tiles to arrive. */
export const PLAY_INTERVAL_MS = 1_500;

const cityDate = (locale: string) => new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit' });

/**
 * The window the whole map shows: the last 30 or 90 days, or one day or week of them. The
 * slider runs oldest (left) to latest (right); play steps forward through the windows.
 */
export function TimeSlider({
  selection,
  now,
  playing,
  onChange,
  onPlayingChange,
}: {
  selection: TimeSelection;
  now: number;
  playing: boolean;
  onChange(next: TimeSelection): void;
  onPlayingChange(playing: boolean): void;
}) {
  const { t, i18n } = useTranslation();
  const count = stepCount(selection);
  const bounds = windowBounds(selection, now);
  const format = cityDate(i18n.language === 'en' ? 'en-GB' : 'vi-VN');
  const first = format.format(new Date(bounds.from));
  const last = format.format(new Date(lastDayOf(bounds, now)));
  const label = selection.kind === 'day' ? first : `${first} – ${last}`;

  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => {
      const next = nextPlayStep(selection);
      if (next === null) onPlayingChange(false);
      else onChange({ ...selection, step: next });
    }, PLAY_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [playing, selection, onChange, onPlayingChange]);

  const togglePlay = () => {
    if (playing) onPlayingChange(false);
    else {
      onChange({ ...selection, step: playStart(selection) });
      onPlayingChange(true);
    }
  };

  const chooseKind = (kind: WindowKind) => {
    onPlayingChange(false);
    onChange(clampStep({ ...selection, kind, step: 0 }));
  };
  const kindText = (kind: WindowKind) =>
    kind === 'span' ? t('dashboard.time.span', { days: selection.span }) : t(`dashboard.time.kinds.${kind}`);

  return (
    <section className="dashboard-time map-panel" aria-labelledby="dashboard-time-title" data-testid="dashboard-time">
      <h2 id="dashboard-time-title">{t('dashboard.time.title')}</h2>
      <div className="dashboard-time__row">
        <RadioGroup {...WINDOW_CHOICE} label={t('dashboard.time.window')} checked={selection.kind} onChange={chooseKind} text={kindText} />
        <label className="dashboard-time__span">
          <span>{t('dashboard.time.history')}</span>
          <select
            value={selection.span}
            onChange={(event) => {
              onPlayingChange(false);
              onChange(clampStep({ ...selection, span: Number(event.target.value) as SpanDays }));
            }}
            data-testid="dashboard-span"
          >
            <Options items={SPANS} label={(span) => t('dashboard.time.days', { count: span })} />
          </select>
        </label>
      </div>
      {count > 1 && (
        <div className="dashboard-time__row">
          <button
            type="button"
            className="button button--secondary dashboard-time__play"
            onClick={togglePlay}
            aria-pressed={playing}
            data-testid="dashboard-play"
          >
            {playing ? t('dashboard.time.pause') : t('dashboard.time.play')}
          </button>
          <input
            type="range"
            min={0}
            max={count - 1}
            step={1}
            value={count - 1 - selection.step}
            onChange={(event) => {
              onPlayingChange(false);
              onChange({ ...selection, step: count - 1 - Number(event.target.value) });
            }}
            aria-label={t('dashboard.time.slider')}
            aria-valuetext={label}
            data-testid="dashboard-slider"
          />
        </div>
      )}
      <p className="dashboard-time__label" data-testid="dashboard-window-label" data-from={bounds.from} data-to={bounds.to ?? ''}>
        {label}
        {bounds.to === null && <span className="dashboard-time__now"> · {t('dashboard.time.untilNow')}</span>}
      </p>
    </section>
  );
}
