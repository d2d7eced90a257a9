import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n';
import { categoryHint, categoryName, groupCategories } from './categoryGroups';
import { FieldErrorMessage, errorId } from './FieldErrorMessage';
import type { FieldError } from './reportForm';
import type { Category } from '../api/intakeQueries';
import type { CategoriesState } from './useCategories';
import { SearchField } from './SearchField';

/** The seeded catch-all ("Vấn đề khác"); offered only if the API has it. */
const FALLBACK_CODE = 'other';

interface CategoryPickerProps {
  state: CategoriesState;
  onReload(): void;
  selected: Category | null;
  onSelect(category: Category | null): void;
  error: FieldError | undefined;
}

/** Picks the Open311 service: a searchable, grouped list that folds to the chosen one. */
export function CategoryPicker({ state, onReload, selected, onSelect, error }: CategoryPickerProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const changeRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const groups = useMemo(
    () => (state.status === 'ready' ? groupCategories(state.categories, query, language) : []),
    [state, query, language],
  );
  const matches = groups.flatMap((group) => group.categories);
  // When nothing matches, the catch-all category is one click away.
  const fallback = state.status === 'ready' ? (state.categories.find((category) => category.code === FALLBACK_CODE) ?? null) : null;

  if (state.status === 'loading') {
    return (
      <p className="report-muted" role="status" data-testid="report-category-loading">
        {t('report.category.loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="report-alert" role="alert" data-testid="report-category-error">
        <p>{t('report.category.loadError')}</p>
        <button type="button" className="button report-button--secondary" onClick={onReload}>
          {t('report.retry')}
        </button>
      </div>
    );
  }

  const choose = (category: Category) => {
    onSelect(category);
    setQuery('');
    // The list folds away; the focus goes to the button that brings it back.
    requestAnimationFrame(() => changeRef.current?.focus());
  };

  if (selected) {
    return (
      <div className="report-category-chosen" data-testid="report-category-selected" data-code={selected.code}>
        <div>
          <p className="report-category-chosen__group">{language === 'en' ? selected.groupEn : selected.groupVi}</p>
          <p className="report-category-chosen__name" data-testid="report-category-selected-name">
            {categoryName(selected, language)}
          </p>
          {categoryHint(selected, language) && <p className="report-muted">{categoryHint(selected, language)}</p>}
        </div>
        <button
          ref={changeRef}
          type="button"
          className="button report-button--secondary"
          data-testid="report-category-change"
          onClick={() => {
            onSelect(null);
            requestAnimationFrame(() => searchRef.current?.focus());
          }}
        >
          {t('report.category.change')}
        </button>
      </div>
    );
  }

  return (
    <div className="report-category-picker">
      <SearchField
        inputRef={searchRef}
        id={searchId}
        label={t('report.category.search')}
        value={query}
        placeholder={t('report.category.searchPlaceholder')}
        data-testid="report-category-search"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId('category') : undefined}
        onValueChange={setQuery}
        // Enter on a search that leaves one category picks it.
        onEnter={() => {
          if (matches.length === 1) choose(matches[0]);
        }}
      />
      <FieldErrorMessage field="category" error={error} />
      {groups.length === 0 ? (
        <div className="report-category-empty" data-testid="report-category-empty">
          <p className="report-muted">{t('report.category.noMatch', { query: query.trim() })}</p>
          {fallback && (
            <button
              type="button"
              className="button report-button--secondary"
              data-testid="report-category-fallback"
              onClick={() => choose(fallback)}
            >
              {t('report.category.chooseFallback', { name: categoryName(fallback, language) })}
            </button>
          )}
        </div>
      ) : (
        <div className="report-category-groups" data-testid="report-category-list">
          {groups.map((group) => (
            <section key={group.code} className="report-category-group" aria-label={group.name}>
              <h3 className="report-category-group__title">{group.name}</h3>
              <ul>
                {group.categories.map((category) => (
                  <li key={category.code}>
                    <button
                      type="button"
                      className="report-category-option"
                      data-testid={`report-category-option-${category.code}`}
                      onClick={() => choose(category)}
                    >
                      <span className="report-category-option__name">{categoryName(category, language)}</span>
                      {categoryHint(category, language) && (
                        <span className="report-category-option__hint">{categoryHint(category, language)}</span>
                      )}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
