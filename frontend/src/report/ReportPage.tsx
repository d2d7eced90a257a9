import { useCallback, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/apiError';
import { useFileReport, usePinWard, type Category, type FiledReport } from '../api/intakeQueries';
import { AttributeFields } from './AttributeFields';
import { CategoryPicker } from './CategoryPicker';
import { ContactFields } from './ContactFields';
import { FieldErrorMessage, errorId, errorProps, useErrorText } from './FieldErrorMessage';
import { LocationPicker } from './LocationPicker';
import { PhotoPicker } from './PhotoPicker';
import {
  DESCRIPTION_MAX,
  EMPTY_DRAFT,
  buildReportBody,
  errorsFromIssues,
  firstErrorField,
  newIdempotencyKey,
  validateDraft,
  type ContactDraft,
  type FieldErrors,
  type FieldKey,
  type AttributeValue,
  type PinPlacement,
  type ReportDraft,
} from './reportForm';
import { ReportSuccess } from './ReportSuccess';
import { useCategories } from './useCategories';
import { usePhotoUploads } from './usePhotoUploads';
import './report.css';

/** A problem with the request as a whole, shown above the submit button. */
type SubmitProblem =
  { kind: 'network' } | { kind: 'throttled'; seconds: number | undefined } | { kind: 'server'; status: number; message: string };

/** Brings the first field with an error into view and gives it the focus. */
function revealField(field: FieldKey | null): void {
  if (!field) return;
  requestAnimationFrame(() => {
    const id = errorId(field);
    const control = document.querySelector<HTMLElement>(`[aria-describedby~="${id}"]`);
    const target = control ?? document.getElementById(id) ?? document.querySelector<HTMLElement>(`[data-field-anchor="${field}"]`);
    target?.scrollIntoView({ block: 'center' });
    control?.focus({ preventScroll: true });
  });
}

const STEPS = ['category', 'location', 'details', 'contact'] as const;

interface ReportStepProps {
  step: (typeof STEPS)[number];
  /** revealField scrolls here for this field's error when it finds neither a control nor the message. */
  anchor: FieldKey;
  children: ReactNode;
}

/** One numbered step of the form, named by its heading. */
function ReportStep({ step, anchor, children }: ReportStepProps) {
  const { t } = useTranslation();
  return (
    <section className="report-step" aria-labelledby={`report-step-${step}`} data-field-anchor={anchor}>
      <h2 id={`report-step-${step}`} className="report-step__title">
        <span className="report-step__number" aria-hidden="true">
          {STEPS.indexOf(step) + 1}
        </span>
        {t(`report.steps.${step}`)}
      </h2>
      {children}
    </section>
  );
}

function withoutField(errors: FieldErrors, matches: (field: string) => boolean): FieldErrors {
  const kept = Object.entries(errors).filter(([field]) => !matches(field));
  return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept);
}

/** The citizen's report form (public, no sign-in): category, place, what happened, photos, contact. */
export default function ReportPage() {
  const { t } = useTranslation();
  const categories = useCategories();
  const fileReport = useFileReport('public');
  const photos = usePhotoUploads();
  const [draft, setDraft] = useState<ReportDraft>(EMPTY_DRAFT);
  // One key per form fill: every retry of this report is the same report to the server.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<SubmitProblem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const inFlight = useRef(false);
  const [created, setCreated] = useState<FiledReport | null>(null);
  const located = usePinWard(draft.pin);
  const errorText = useErrorText();
  const descriptionId = useId();
  const counterId = useId();

  const category: Category | null =
    categories.state.status === 'ready' && draft.categoryCode
      ? (categories.state.categories.find((candidate) => candidate.code === draft.categoryCode) ?? null)
      : null;
  const validationContext = { category, location: located.status, photosPending: photos.pending };
  const clientErrors = attempted ? validateDraft(draft, validationContext) : {};
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };

  const change = useCallback((patch: Partial<ReportDraft>, clears: (field: string) => boolean) => {
    setDraft((current) => ({ ...current, ...patch }));
    setServerErrors((current) => withoutField(current, clears));
  }, []);

  const onCategory = (next: Category | null) =>
    change({ categoryCode: next?.code ?? null, attributes: {} }, (field) => field === 'category' || field.startsWith('attributes.'));
  const onAttribute = (code: string, value: AttributeValue) =>
    change({ attributes: { ...draft.attributes, [code]: value } }, (field) => field === `attributes.${code}`);
  const onPin = useCallback((pin: PinPlacement) => change({ pin }, (field) => field === 'location'), [change]);
  const onAddress = (address: string) => change({ address }, (field) => field === 'address');
  const onContact = (contact: ContactDraft) => change({ contact }, (field) => field.startsWith('reporter.') || field === 'consent');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // A second click while the first request is out would only repeat it; the key covers the rest.
    if (inFlight.current) return;
    setAttempted(true);
    setProblem(null);
    const found = validateDraft(draft, validationContext);
    if (Object.keys(found).length > 0 || !category || !draft.pin) {
      setServerErrors({});
      revealField(firstErrorField(found));
      return;
    }

    inFlight.current = true;
    setSubmitting(true);
    try {
      const body = buildReportBody(draft, category, draft.pin, photos.uploadIds);
      const report = await fileReport.mutateAsync({ body, idempotencyKey });
      setCreated(report);
      document.getElementById('main')?.scrollTo({ top: 0 });
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        const mapped = errorsFromIssues(
          error.issues,
          category.attributes.map((attribute) => attribute.code),
        );
        setServerErrors(mapped);
        revealField(firstErrorField(mapped));
      } else if (error instanceof ApiError && error.status === 0) {
        setProblem({ kind: 'network' });
      } else if (error instanceof ApiError && error.status === 429) {
        setProblem({ kind: 'throttled', seconds: error.retryAfterSeconds });
      } else {
        const status = error instanceof ApiError ? error.status : 0;
        setProblem({ kind: 'server', status, message: error instanceof Error ? error.message : String(error) });
      }
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const startAnother = () => {
    photos.reset();
    setDraft(EMPTY_DRAFT);
    setIdempotencyKey(newIdempotencyKey());
    setAttempted(false);
    setServerErrors({});
    setProblem(null);
    setCreated(null);
  };

  if (created) {
    return (
      <div className="page report-page">
        <ReportSuccess report={created} onAnother={startAnother} />
      </div>
    );
  }

  const hasErrors = Object.keys(errors).length > 0;
  const descriptionLength = draft.description.length;

  return (
    <div className="page report-page" data-testid="report-page">
      <header className="report-page__header">
        <h1>{t('report.title')}</h1>
        <p className="report-muted">{t('report.intro')}</p>
      </header>

      <form className="report-form" noValidate onSubmit={(event) => void onSubmit(event)} data-testid="report-form">
        <ReportStep step="category" anchor="category">
          <CategoryPicker
            state={categories.state}
            onReload={categories.reload}
            selected={category}
            onSelect={onCategory}
            error={errors.category}
          />
          {category && <AttributeFields category={category} values={draft.attributes} onChange={onAttribute} errors={errors} />}
        </ReportStep>

        <ReportStep step="location" anchor="location">
          <LocationPicker pin={draft.pin} located={located} onPin={onPin} address={draft.address} onAddress={onAddress} errors={errors} />
        </ReportStep>

        <ReportStep step="details" anchor="description">
          <div className="report-field">
            <label htmlFor={descriptionId} className="report-label">
              {t('report.description.label')}
              <span className="report-required" aria-hidden="true">
                {' '}
                *
              </span>
            </label>
            <textarea
              id={descriptionId}
              className="report-input report-description"
              rows={5}
              maxLength={DESCRIPTION_MAX}
              required
              value={draft.description}
              placeholder={t('report.description.placeholder')}
              data-testid="report-description"
              {...errorProps('description', errors.description)}
              aria-describedby={errors.description ? `${counterId} ${errorId('description')}` : counterId}
              onChange={(event) => change({ description: event.target.value }, (field) => field === 'description')}
            />
            <p
              id={counterId}
              className={`report-counter${descriptionLength >= DESCRIPTION_MAX ? ' report-counter--full' : ''}`}
              data-testid="report-description-counter"
            >
              {t('report.description.counter', { count: descriptionLength, max: DESCRIPTION_MAX })}
            </p>
            <FieldErrorMessage field="description" error={errors.description} />
          </div>
          <PhotoPicker uploads={photos} error={errors.photos} />
        </ReportStep>

        <ReportStep step="contact" anchor="consent">
          <ContactFields
            contact={draft.contact}
            onContact={onContact}
            consent={draft.consent}
            onConsent={(consent) => change({ consent }, (field) => field === 'consent')}
            errors={errors}
          />
        </ReportStep>

        <div className="report-submit">
          {problem && (
            <div className="report-alert" role="alert" data-testid="report-submit-problem" data-kind={problem.kind}>
              {problem.kind === 'network' && t('report.errors.network')}
              {problem.kind === 'throttled' &&
                (problem.seconds ? t('report.errors.throttledFor', { seconds: problem.seconds }) : t('report.errors.throttled'))}
              {problem.kind === 'server' && (
                <>
                  {t('report.errors.server', { status: problem.status })}
                  {problem.status >= 400 && problem.status < 500 && problem.message && (
                    <span className="report-alert__detail"> {problem.message}</span>
                  )}
                </>
              )}
            </div>
          )}
          {hasErrors && (
            <div className="report-alert" role="alert" data-testid="report-error-summary">
              <p>{t('report.errors.summary')}</p>
              {errors.form && <p data-testid={errorId('form')}>{errorText(errors.form)}</p>}
            </div>
          )}
          <button type="submit" className="button report-submit__button" disabled={submitting} data-testid="report-submit">
            {submitting ? t('report.submitting') : t('report.submit')}
          </button>
          <p className="report-muted report-submit__note">{t('report.submitNote')}</p>
        </div>
      </form>
    </div>
  );
}
