import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WardSearchHit } from '../api/intakeQueries';
import { usePlaceSearch } from './usePlaceSearch';
import { SearchField } from './SearchField';

interface PlaceSearchProps {
  onChoose(match: WardSearchHit): void;
}

/**
 * Ward and commune search, old names included: people still write "Phường 7, Quận 5", which
 * since 1 July 2025 lies in Phường An Đông; the answer says so before the pin moves there.
 */
export function PlaceSearch({ onChoose }: PlaceSearchProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(true);
  const search = usePlaceSearch(query);
  const inputId = useId();
  const listId = useId();

  const choose = (match: WardSearchHit) => {
    onChoose(match);
    setQuery(match.name);
    setOpen(false);
  };

  return (
    <div className="report-place-search">
      <SearchField
        id={inputId}
        label={t('report.location.search')}
        value={query}
        placeholder={t('report.location.searchPlaceholder')}
        aria-controls={listId}
        data-testid="report-place-search"
        onValueChange={(value) => {
          setQuery(value);
          setOpen(true);
        }}
        onEnter={() => {
          if (search.status === 'done' && search.matches.length > 0) choose(search.matches[0]);
        }}
      />
      <div id={listId} aria-live="polite">
        {open && search.status === 'searching' && (
          <p className="report-muted" data-testid="report-place-searching">
            {t('report.location.searching')}
          </p>
        )}
        {open && search.status === 'error' && (
          <p className="report-field__error" data-testid="report-place-error">
            {t('report.location.searchError')}
          </p>
        )}
        {open && search.status === 'done' && search.matches.length === 0 && (
          <p className="report-muted" data-testid="report-place-none">
            {t('report.location.noResults')}
          </p>
        )}
        {open && search.status === 'done' && search.matches.length > 0 && (
          <ul className="report-place-results" data-testid="report-place-results">
            {search.matches.map((match) => {
              const renamed = match.matched !== match.name;
              return (
                <li key={`${match.code}|${match.matched}`}>
                  <button
                    type="button"
                    className="report-place-result"
                    data-testid="report-place-result"
                    data-code={match.code}
                    onClick={() => choose(match)}
                  >
                    {renamed ? (
                      <span>
                        <span className="report-place-result__old">{match.matched}</span>
                        <span aria-hidden="true"> → </span>
                        <span className="visually-hidden"> {t('report.location.nowCalled')} </span>
                        <strong>{match.name}</strong>
                      </span>
                    ) : (
                      <strong>{match.name}</strong>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
