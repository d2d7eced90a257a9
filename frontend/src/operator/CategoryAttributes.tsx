import { useTranslation } from 'react-i18next';
import { FieldMessage } from '../ui/FieldMessage';
import type { CategoryAttribute } from '../api/intakeQueries';
import type { AttributeAnswer } from './callBody';

interface CategoryAttributesProps {
  attributes: readonly CategoryAttribute[];
  answers: Record<string, AttributeAnswer>;
  onAnswer(code: string, answer: AttributeAnswer | null): void;
  errorOf(code: string): string | null;
}

/** The category's own questions (Open311 service attributes), e.g. flood depth; required ones are marked. */
export function CategoryAttributes({ attributes, answers, onAnswer, errorOf }: CategoryAttributesProps) {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  if (attributes.length === 0) return null;

  return (
    <div className="call-attributes" data-testid="call-attributes">
      {[...attributes]
        .sort((a, b) => a.order - b.order)
        .map((attribute) => {
          const id = `call-attribute-${attribute.code}`;
          const error = errorOf(attribute.code);
          const label = (english ? attribute.descriptionEn : attribute.description) || attribute.code;
          const common = {
            id,
            'aria-invalid': error ? true : undefined,
            'aria-describedby': error ? `${id}-error` : undefined,
            'aria-required': attribute.required || undefined,
            'data-testid': id,
          } as const;
          const answer = answers[attribute.code];
          return (
            <div key={attribute.code} className="field call-field">
              <label htmlFor={attribute.datatype === 'multivaluelist' ? undefined : id} id={`${id}-label`}>
                {label}
                {attribute.required && <span className="call-field__required"> ({t('operator.attributes.required')})</span>}
              </label>
              {attribute.datatype === 'singlevaluelist' ? (
                <select
                  {...common}
                  value={typeof answer === 'string' ? answer : ''}
                  onChange={(event) => onAnswer(attribute.code, event.target.value || null)}
                >
                  <option value="">{t('operator.attributes.choose')}</option>
                  {attribute.values?.map((value) => (
                    <option key={value.key} value={value.key}>
                      {english ? value.nameEn : value.name}
                    </option>
                  ))}
                </select>
              ) : attribute.datatype === 'multivaluelist' ? (
                <div className="call-attributes__choices" role="group" aria-labelledby={`${id}-label`} {...common}>
                  {attribute.values?.map((value) => {
                    const chosen = Array.isArray(answer) ? answer : [];
                    return (
                      <label key={value.key} className="call-check">
                        <input
                          type="checkbox"
                          checked={chosen.includes(value.key)}
                          onChange={(event) => {
                            const next = event.target.checked ? [...chosen, value.key] : chosen.filter((key) => key !== value.key);
                            onAnswer(attribute.code, next.length > 0 ? next : null);
                          }}
                        />
                        {english ? value.nameEn : value.name}
                      </label>
                    );
                  })}
                </div>
              ) : (
                <input
                  {...common}
                  type={attribute.datatype === 'number' ? 'number' : attribute.datatype === 'datetime' ? 'datetime-local' : 'text'}
                  value={answer === undefined ? '' : String(answer)}
                  // Kept as typed (a number too, so "1," can become "1,5"); converted when the ticket is sent.
                  onChange={(event) => onAnswer(attribute.code, event.target.value.trim() === '' ? null : event.target.value)}
                />
              )}
              <FieldMessage id={`${id}-error`} testId={`${id}-error`} message={error} />
            </div>
          );
        })}
    </div>
  );
}
