import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';

interface PhotoListProps {
  photos: readonly Schemas['ReportPhoto'][];
  className: string;
  testId: string;
  photoTestId: string;
  /** Give each image its stored size, so the page does not jump as they load. */
  sized?: boolean;
}

/** A report's photos, each opening full size in a new tab. */
export function PhotoList({ photos, className, testId, photoTestId, sized = false }: PhotoListProps) {
  const { t } = useTranslation();
  return (
    <ul className={className} data-testid={testId}>
      {photos.map((photo, index) => (
        <li key={photo.id}>
          <a href={photo.url} target="_blank" rel="noreferrer">
            <img
              src={photo.url}
              width={sized ? photo.width || undefined : undefined}
              height={sized ? photo.height || undefined : undefined}
              loading="lazy"
              alt={t('track.photoAlt', { index: index + 1 })}
              data-testid={photoTestId}
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
