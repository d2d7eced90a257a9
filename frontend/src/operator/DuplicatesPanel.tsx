import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from './operatorQueries';
import type { CallFormat } from './useCallFormat';
import type { DuplicatesState } from './useDuplicates';
import { snippet } from './snippet';
import { ATTACH_SHORTCUT_COUNT } from './useCallShortcuts';

interface DuplicatesPanelProps {
  state: DuplicatesState;
  format: CallFormat;
  /** Id of the ticket a call is being attached to right now. */
  attachingId: string | null;
  onAttach(candidate: DuplicateCandidate): void;
  onView(candidate: DuplicateCandidate): void;
}

/** The API scores 0…1; the bar and the percentage show that share. */
function scoreShare(score: number): number {
  return Math.min(1, Math.max(0, score));
}

export function DuplicatesPanel({ state, format, attachingId, onAttach, onView }: DuplicatesPanelProps) {
  const { t } = useTranslation();
  // Roving focus: one Tab stop for the whole list, arrows move between the attach buttons.
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const { candidates, status } = state;
  const activeIndex = Math.min(active, Math.max(candidates.length - 1, 0));

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : null;
    if (next === null || next < 0 || next >= candidates.length) return;
    event.preventDefault();
    setActive(next);
    buttons.current[next]?.focus();
  };

  return (
    <section
      className="call-panel call-duplicates"
      aria-labelledby="call-duplicates-heading"
      data-testid="duplicates-panel"
      data-status={status}
    >
      <h2 id="call-duplicates-heading">
        {t('operator.duplicates.heading')}
        {candidates.length > 0 && (
          <span className="call-panel__count" data-testid="duplicates-count">
            {' '}
            ({candidates.length})
          </span>
        )}
      </h2>
      <p className="call-panel__status" role="status" data-testid="duplicates-status">
        {status === 'idle' && t('operator.duplicates.idle')}
        {status === 'loading' && t('operator.duplicates.loading')}
        {status === 'error' && t('operator.duplicates.error')}
        {status === 'ready' && candidates.length === 0 && t('operator.duplicates.empty')}
      </p>
      {candidates.length > 0 && (
        <ol className="call-duplicates__list" data-testid="duplicates-list" aria-busy={status === 'loading'}>
          {candidates.map((candidate, index) => {
            const share = scoreShare(candidate.score);
            const percent = Math.round(share * 100);
            const shortcut = index < ATTACH_SHORTCUT_COUNT ? `Alt+${index + 1}` : null;
            return (
              <li
                key={candidate.id}
                className={`call-duplicate${index === activeIndex ? ' call-duplicate--active' : ''}`}
                data-testid="duplicate-item"
                data-id={candidate.id}
                data-code={candidate.code}
              >
                <div className="call-duplicate__head">
                  {shortcut && <kbd className="call-duplicate__key">{shortcut}</kbd>}
                  <button
                    type="button"
                    className="call-link call-duplicate__code"
                    tabIndex={-1}
                    onClick={() => onView(candidate)}
                    aria-label={t('operator.duplicates.view', { code: candidate.code })}
                    data-testid="duplicate-code"
                  >
                    {candidate.code}
                  </button>
                  <span className={`call-status call-status--${candidate.status}`} data-testid="duplicate-status">
                    {format.status(candidate.status)}
                  </span>
                </div>
                <p className="call-duplicate__meta">
                  <span data-testid="duplicate-distance">{format.metres(candidate.distanceM)}</span>
                  {' · '}
                  <span data-testid="duplicate-age">{format.age(candidate.createdAt)}</span>
                  {' · '}
                  {format.category(candidate.category)}
                  {' · '}
                  {candidate.ward.name}
                </p>
                {candidate.address && <p className="call-duplicate__address">{candidate.address}</p>}
                <p className="call-duplicate__snippet" data-testid="duplicate-snippet">
                  {snippet(candidate.description)}
                </p>
                <div className="call-duplicate__foot">
                  <div
                    className="call-score"
                    role="meter"
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={percent}
                    aria-label={t('operator.duplicates.score', { score: percent })}
                    data-testid="duplicate-score"
                    data-score={candidate.score}
                  >
                    <span className="call-score__bar" style={{ width: `${percent}%` }} />
                  </div>
                  <span className="call-score__text">{percent}%</span>
                  <button
                    type="button"
                    ref={(element) => {
                      buttons.current[index] = element;
                    }}
                    className="button call-duplicate__attach"
                    tabIndex={index === activeIndex ? 0 : -1}
                    disabled={attachingId !== null}
                    aria-keyshortcuts={shortcut ?? undefined}
                    onFocus={() => setActive(index)}
                    onKeyDown={(event) => onKeyDown(event, index)}
                    onClick={() => onAttach(candidate)}
                    data-testid="duplicate-attach"
                  >
                    {attachingId === candidate.id ? t('operator.actions.attaching') : t('operator.duplicates.attach')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
