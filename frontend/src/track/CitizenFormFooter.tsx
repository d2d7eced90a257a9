import { useTranslation } from 'react-i18next';
import type { CitizenProblem } from './citizenErrors';

interface CitizenFormFooterProps {
  /** The form's name in its test ids: `track-<name>-error`, `track-<name>-submit`; its send button reads `track.actions.<name>.submit`. */
  name: 'reply' | 'reject' | 'rating';
  problem: CitizenProblem | 'tooShort' | 'noRating' | null;
  /** The id the text box's `aria-describedby` points at, where it has one. */
  problemId?: string;
  /** The least the form takes, for the problem text. */
  min: number;
  sending: boolean;
}

/** The end of a citizen's form on the track page: what went wrong, then the send button. */
export function CitizenFormFooter({ name, problem, problemId, min, sending }: CitizenFormFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      {problem && (
        <p id={problemId} className="track-error" role="alert" data-testid={`track-${name}-error`} data-problem={problem}>
          {t(`track.actions.problems.${problem}`, { min })}
        </p>
      )}
      <button type="submit" className="button" disabled={sending} data-testid={`track-${name}-submit`}>
        {sending ? t('track.actions.sending') : t(`track.actions.${name}.submit`)}
      </button>
    </>
  );
}
