import { useMemo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox } from '../ui/Combobox';
import { matchCategories } from './categoryMatch';
import { CategoryAttributes } from './CategoryAttributes';
import type { Category } from '../api/intakeQueries';
import type { AttributeAnswer } from './callBody';
import type { CategoriesState } from './useCategories';

interface CategoryFieldProps {
  categories: CategoriesState;
  /** What the operator typed; replaced by the category's name once one is picked. */
  query: string;
  /** Typing again after a pick drops the pick. */
  onQueryChange(text: string): void;
  category: Category | null;
  onPick(category: Category): void;
  inputRef: Ref<HTMLInputElement>;
  error: string | null;
  answers: Record<string, AttributeAnswer>;
  onAnswer(code: string, answer: AttributeAnswer | null): void;
  attributeError(code: string): string | null;
}

/** Type-ahead over the 30 categories (accent-insensitive, with their group), then the category's questions. */
export function CategoryField(props: CategoryFieldProps) {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  const { categories, category } = props;
  // Kept stable between renders: a new list resets the highlighted option.
  const options = useMemo(
    () => (categories.status === 'ready' ? matchCategories(categories.index, props.query) : []),
    [categories, props.query],
  );
  const loadError = categories.status === 'error' ? t('operator.category.loadError') : null;
  const hint = category ? (english ? category.hintEn : category.hintVi) : '';

  return (
    <fieldset className="call-section">
      <legend>{t('operator.category.label')}</legend>
      <Combobox<Category>
        className="call-field"
        label={t('operator.category.label')}
        hideLabel
        testId="call-category"
        // A picked category reads in the active language, also after a language switch.
        value={category ? (english ? category.nameEn : category.nameVi) : props.query}
        onValueChange={props.onQueryChange}
        options={options}
        optionKey={(option) => option.code}
        renderOption={(option) => (
          <>
            <span className="call-option__name">{english ? option.nameEn : option.nameVi}</span>
            <span className="call-option__note">{english ? option.groupEn : option.groupVi}</span>
          </>
        )}
        onPick={props.onPick}
        inputRef={props.inputRef}
        placeholder={t('operator.category.placeholder')}
        busy={categories.status === 'loading'}
        emptyText={loadError ?? t('operator.category.empty')}
        error={props.error ?? loadError}
        note={
          category && (
            <p className="field__hint" data-testid="call-category-picked" data-code={category.code}>
              {t('operator.category.group', { group: english ? category.groupEn : category.groupVi })}
              {hint && ` — ${hint}`}
            </p>
          )
        }
      />
      {category && (
        <CategoryAttributes
          attributes={category.attributes}
          answers={props.answers}
          onAnswer={props.onAnswer}
          errorOf={props.attributeError}
        />
      )}
    </fieldset>
  );
}
