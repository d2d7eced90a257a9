import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CitizenFormFooter } from './CitizenFormFooter';
import { useCheckedAction } from './useCheckedAction';
import type { CitizenAction } from './trackQueries';

const STARS = [1, 2, 3, 4, 5] as const;

/** 1–5 stars and an optional comment; rating a resolved report closes it. */
export function RatingForm({ action }: { action: CitizenAction<{ rating: number; comment: string }> }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const commentId = useId();
  const legendId = useId();
  const { sending, problem, send } = useCheckedAction(action, 'noRating');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(rating >= 1, { rating, comment: comment.trim() });
  };

  return (
    <form className="track-action" onSubmit={submit} noValidate data-testid="track-rating-form">
      <fieldset className="track-stars" aria-labelledby={legendId}>
        <legend id={legendId} className="track-form__label">
          {t('track.actions.rating.label')}
        </legend>
        {STARS.map((star) => (
          <label key={star} className={`track-star ${star <= rating ? 'track-star--on' : ''}`} data-testid={`track-rating-star-${star}`}>
            <input
              type="radio"
              name="rating"
              value={star}
              checked={rating === star}
              className="visually-hidden"
              onChange={() => setRating(star)}
            />
            <span aria-hidden="true">★</span>
            <span className="visually-hidden">{t('track.actions.rating.star', { count: star })}</span>
          </label>
        ))}
        {rating > 0 && (
          <span className="track-muted" data-testid="track-rating-value">
            {t('track.actions.rating.star', { count: rating })}
          </span>
        )}
      </fieldset>
      <label htmlFor={commentId} className="track-form__label">
        {t('track.actions.rating.comment')} <span className="track-muted">({t('track.actions.optional')})</span>
      </label>
      <textarea
        id={commentId}
        className="track-action__text"
        rows={3}
        maxLength={2000}
        value={comment}
        data-testid="track-rating-comment"
        onChange={(event) => setComment(event.target.value)}
      />
      <CitizenFormFooter name="rating" problem={problem} min={1} sending={sending} />
    </form>
  );
}
