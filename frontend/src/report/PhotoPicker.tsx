import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrorMessage, errorId } from './FieldErrorMessage';
import { MAX_PHOTOS, type FieldError } from './reportForm';
import type { PhotoItem, PhotoUploadError, PhotoUploads } from './usePhotoUploads';

interface PhotoPickerProps {
  uploads: PhotoUploads;
  error: FieldError | undefined;
}

export function PhotoPicker({ uploads, error }: PhotoPickerProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const helpId = useId();
  const full = uploads.items.length >= MAX_PHOTOS;

  return (
    <div className="report-field report-photos" data-testid="report-photos">
      <label htmlFor={inputId} className="report-label">
        {t('report.photos.label')} <span className="report-optional">({t('report.optional')})</span>
      </label>
      <p id={helpId} className="report-muted">
        {t('report.photos.help', { max: MAX_PHOTOS })}
      </p>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        multiple
        className="visually-hidden"
        disabled={full}
        data-testid="report-photo-input"
        aria-describedby={error ? `${helpId} ${errorId('photos')}` : helpId}
        onChange={(event) => {
          uploads.add(Array.from(event.target.files ?? []));
          // Cleared so that choosing the same file again after removing it fires a change.
          event.target.value = '';
        }}
      />
      <button
        type="button"
        className="button report-button--secondary"
        data-testid="report-photo-add"
        disabled={full}
        onClick={() => inputRef.current?.click()}
      >
        <span aria-hidden="true">+ </span>
        {full ? t('report.photos.full', { max: MAX_PHOTOS }) : t('report.photos.add')}
      </button>

      {uploads.rejected.length > 0 && (
        <ul className="report-photos__rejected" role="alert" data-testid="report-photo-rejected">
          {uploads.rejected.map((file, index) => (
            <li key={`${file.name}-${index}`} data-reason={file.reason}>
              {file.reason === 'tooLarge'
                ? t('report.photos.tooLarge', { name: file.name })
                : file.reason === 'wrongType'
                  ? t('report.photos.wrongType', { name: file.name })
                  : t('report.photos.tooMany', { name: file.name, max: MAX_PHOTOS })}
            </li>
          ))}
        </ul>
      )}

      {uploads.items.length > 0 && (
        <ul className="report-photos__list" data-testid="report-photo-list">
          {uploads.items.map((item, index) => (
            <PhotoTile key={item.localId} item={item} index={index} onRemove={uploads.remove} onRetry={uploads.retry} />
          ))}
        </ul>
      )}
      <FieldErrorMessage field="photos" error={error} />
    </div>
  );
}

function useUploadErrorText(): (error: PhotoUploadError) => string {
  const { t, i18n } = useTranslation();
  const vietnamese = i18n.resolvedLanguage !== 'en';
  return (error) => {
    switch (error.kind) {
      case 'network':
        return t('report.photos.networkError');
      case 'throttled':
        return error.seconds ? t('report.photos.throttledFor', { seconds: error.seconds }) : t('report.photos.throttled');
      case 'refused':
        // The server names what is wrong with this file (type, size, pixels) in both languages.
        if (error.issue) return vietnamese && error.issue.messageVi ? error.issue.messageVi : error.issue.message;
        if (error.status === 413) return t('report.photos.tooLargeServer');
        if (error.status === 415) return t('report.photos.wrongTypeServer');
        return t('report.photos.serverError', { status: error.status });
      case 'server':
        return t('report.photos.serverError', { status: error.status });
    }
  };
}

interface PhotoTileProps {
  item: PhotoItem;
  index: number;
  onRemove(localId: string): void;
  onRetry(localId: string): void;
}

function PhotoTile({ item, index, onRemove, onRetry }: PhotoTileProps) {
  const { t } = useTranslation();
  const errorText = useUploadErrorText();
  const percent = Math.round(item.progress * 100);
  return (
    <li className={`report-photo report-photo--${item.status}`} data-testid="report-photo" data-status={item.status}>
      <img src={item.previewUrl} alt={t('report.photos.thumbnailAlt', { index: index + 1 })} className="report-photo__thumb" />
      <div className="report-photo__state">
        {item.status === 'uploading' && (
          <>
            <progress max={100} value={percent} aria-label={t('report.photos.uploading', { percent })} />
            <span className="report-photo__caption">{t('report.photos.uploading', { percent })}</span>
          </>
        )}
        {item.status === 'done' && <span className="report-photo__caption">{t('report.photos.uploaded')}</span>}
        {item.status === 'error' && item.error && (
          <>
            <span className="report-photo__caption report-photo__caption--error" role="alert" data-testid="report-photo-error">
              {errorText(item.error)}
            </span>
            {item.error.kind !== 'refused' && (
              <button type="button" className="report-link-button" data-testid="report-photo-retry" onClick={() => onRetry(item.localId)}>
                {t('report.photos.retry')}
              </button>
            )}
          </>
        )}
      </div>
      <button
        type="button"
        className="report-photo__remove"
        data-testid="report-photo-remove"
        aria-label={t('report.photos.remove', { index: index + 1 })}
        onClick={() => onRemove(item.localId)}
      >
        ×
      </button>
    </li>
  );
}
