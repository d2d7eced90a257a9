import { useTranslation } from 'react-i18next';
import type { Category, CategoryAttribute } from '../api/intakeQueries';
import { currentLanguage } from '../i18n/i18n';
import { FieldErrorMessage, errorProps, errorId } from './FieldErrorMessage';
import { sortedAttributes, type AttributeValue, type FieldErrors, type FieldKey } from './reportForm';

interface AttributeFieldsProps {
  category: Category;
  values: Record<string, AttributeValue>;
  onChange(code: string, value: AttributeValue): void;
  errors: FieldErrors;
}

/** The category's Open311 attributes as form fields, in their configured order. */
export function AttributeFields({ category, values, onChange, errors }: AttributeFieldsProps) {
  const attributes = sortedAttributes(category);
  if (attributes.length === 0) return null;
  return (
    <div className="report-attributes" data-testid="report-attributes">
      {attributes.map((attribute) => (
        <AttributeField
          key={`${category.code}:${attribute.code}`}
          attribute={attribute}
          value={values[attribute.code]}
          onChange={(value) => onChange(attribute.code, value)}
          errors={errors}
        />
      ))}
    </div>
  );
}

interface AttributeFieldProps {
  attribute: CategoryAttribute;
  value: AttributeValue | undefined;
  onChange(value: AttributeValue): void;
  errors: FieldErrors;
}

function AttributeField({ attribute, value, onChange, errors }: AttributeFieldProps) {
  const { t } = useTranslation();
  const english = currentLanguage() === 'en';
  const field: FieldKey = `attributes.${attribute.code}`;
  const error = errors[field];
  const id = `report-attribute-${attribute.code}`;
  const label = english ? attribute.descriptionEn || attribute.description : attribute.description;
  const optionName = (option: { name: string; nameEn: string }) => (english ? option.nameEn || option.name : option.name);
  const labelText = (
    <>
      {label}
      {attribute.required ? (
        <span className="report-required" aria-hidden="true">
          {' '}
          *
        </span>
      ) : (
        <span className="report-optional"> ({t('report.optional')})</span>
      )}
    </>
  );
  const common = {
    id,
    'data-testid': id,
    required: attribute.required,
    ...errorProps(field, error),
  };

  if (attribute.datatype === 'multivaluelist') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset
        className="report-field report-fieldset"
        data-testid={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId(field) : undefined}
      >
        <legend className="report-label">{labelText}</legend>
        {(attribute.values ?? []).map((option) => (
          <label key={option.key} className="report-check">
            <input
              type="checkbox"
              data-testid={`${id}-${option.key}`}
              checked={chosen.includes(option.key)}
              onChange={(event) => onChange(event.target.checked ? [...chosen, option.key] : chosen.filter((key) => key !== option.key))}
            />
            <span>{optionName(option)}</span>
          </label>
        ))}
        <FieldErrorMessage field={field} error={error} />
      </fieldset>
    );
  }

  const text = typeof value === 'string' ? value : '';
  let control;
  if (attribute.datatype === 'singlevaluelist') {
    control = (
      <select {...common} className="report-input" value={text} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('report.attributes.choose')}</option>
        {(attribute.values ?? []).map((option) => (
          <option key={option.key} value={option.key}>
            {optionName(option)}
          </option>
        ))}
      </select>
    );
  } else if (attribute.datatype === 'text') {
    control = (
      <textarea
        {...common}
        className="report-input"
        rows={3}
        maxLength={1000}
        value={text}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  } else {
    const type = attribute.datatype === 'number' ? 'number' : attribute.datatype === 'datetime' ? 'datetime-local' : 'text';
    control = (
      <input
        {...common}
        type={type}
        inputMode={type === 'number' ? 'decimal' : undefined}
        className="report-input"
        maxLength={type === 'text' ? 1000 : undefined}
        value={text}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }

  return (
    <div className="report-field">
      <label htmlFor={id} className="report-label">
        {labelText}
      </label>
      {control}
      <FieldErrorMessage field={field} error={error} />
    </div>
  );
}
