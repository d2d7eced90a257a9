import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFileReport, usePinWard, type Category, type CategoryRef, type WardRef, type WardSearchHit } from '../api/intakeQueries';
import { FieldMessage } from '../ui/FieldMessage';
import { buildReportBody, phoneError, validateDraft, type AttributeAnswer, type CallDraft, type LatLng } from './callBody';
import { errorsFromFailure, firstErrorField, type CallError, type CallErrors, type CallField } from './callErrors';
import type { CallOutcome } from './callOutcome';
import { CallerHistoryPanel } from './CallerHistoryPanel';
import { CallTimer } from './CallTimer';
import { CallerFields } from './CallerFields';
import { CategoryField } from './CategoryField';
import { DuplicatesPanel } from './DuplicatesPanel';
import { newIdempotencyKey } from './idempotencyKey';
import { LocationSection } from './LocationSection';
import { useAttachCaller, useCallerHistory, useReportDetail } from './operatorQueries';
import { isValidPhone, normalizePhone } from './phoneNumber';
import { ReportDetailPanel } from './ReportDetailPanel';
import { ShortcutLegend } from './ShortcutLegend';
import { useCallShortcuts } from './useCallShortcuts';
import { useCallFormat } from './useCallFormat';
import { useCategories } from './useCategories';
import { useDuplicates } from './useDuplicates';

/** A ticket the call can be attached to, from the duplicates list or the caller's history. */
interface AttachTarget {
  id: string;
  code: string;
  category: CategoryRef | null;
  ward: WardRef | null;
}

interface CallFormProps {
  onDone(outcome: CallOutcome): void;
  onDiscard(): void;
}

/** Element ids of the fields that have no ref of their own, for moving the focus to an error. */
const FIELD_ELEMENT_IDS: Partial<Record<CallField, string>> = {
  address: 'call-address',
  callerName: 'call-caller-name',
};

/**
 * One phone call, from the caller's number to a ticket code: remounted for every call, so the
 * form, the Idempotency-Key and the timer start fresh.
 */
/** What a send yields: the outcome but for the time the call took. */
type OutcomeOfSend = { [K in CallOutcome['kind']]: Omit<Extract<CallOutcome, { kind: K }>, 'elapsedMs'> }[CallOutcome['kind']];

export function CallForm({ onDone, onDiscard }: CallFormProps) {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  const format = useCallFormat();
  const categories = useCategories();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [startedAt, setStartedAt] = useState<number | null>(null);

  const [phone, setPhone] = useState('');
  const [callerName, setCallerName] = useState('');
  const [hideIdentity, setHideIdentity] = useState(false);
  const [categoryQuery, setCategoryQuery] = useState('');
  const [category, setCategory] = useState<Category | null>(null);
  const [answers, setAnswers] = useState<Record<string, AttributeAnswer>>({});
  const [wardQuery, setWardQuery] = useState('');
  const [address, setAddress] = useState('');
  const [pin, setPin] = useState<LatLng | null>(null);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<CallErrors>({});
  const [focusErrors, setFocusErrors] = useState(0);
  const [busy, setBusy] = useState<{ kind: 'create' } | { kind: 'attach'; id: string } | null>(null);
  const [viewed, setViewed] = useState<{ id: string; code: string } | null>(null);

  const phoneRef = useRef<HTMLInputElement>(null);
  const categoryRef = useRef<HTMLInputElement>(null);
  const wardRef = useRef<HTMLInputElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);

  const history = useCallerHistory();
  const pinWard = usePinWard(pin);
  const duplicates = useDuplicates(category?.code ?? null, pin, description);
  const detail = useReportDetail(viewed?.id ?? null);
  const fileReport = useFileReport('staff');
  const attachCaller = useAttachCaller();

  const draft: CallDraft = { phone, callerName, hideIdentity, category, answers, pin, address, description };
  const started = () => setStartedAt((at) => at ?? Date.now());
  const elapsed = () => (startedAt === null ? 0 : Date.now() - startedAt);
  const clearError = (field: CallField) =>
    setErrors((current) => {
      if (!current[field] && !current.form) return current;
      const { [field]: _dropped, form: _form, ...rest } = current;
      return rest;
    });

  const errorText = (error: CallError | undefined): string | null => {
    if (!error) return null;
    if ('issue' in error) return english ? error.issue.message : (error.issue.messageVi ?? error.issue.message);
    return error.key === 'server' ? t('operator.errors.server', { status: error.status ?? 0 }) : t(`operator.errors.${error.key}`);
  };

  const showErrors = (next: CallErrors) => {
    setErrors(next);
    setFocusErrors((count) => count + 1);
  };
  /** Sends the call's report or attachment; its outcome, with the time the call took, goes to the page, a failure to the fields. */
  const settle = async (send: () => Promise<OutcomeOfSend>) => {
    try {
      onDone({ ...(await send()), elapsedMs: elapsed() });
    } catch (error) {
      showErrors(errorsFromFailure(error));
      setBusy(null);
    }
  };

  // After a refused submit the first field in error takes the focus, once it has rendered.
  useEffect(() => {
    if (focusErrors === 0) return;
    const field = firstErrorField(errors, category?.attributes.map((attribute) => attribute.code) ?? []);
    if (!field) return;
    const byRef: Partial<Record<CallField, HTMLElement | null>> = {
      phone: phoneRef.current,
      category: categoryRef.current,
      location: wardRef.current,
      description: descriptionRef.current,
    };
    const element =
      byRef[field] ??
      document.getElementById(field.startsWith('attribute:') ? `call-attribute-${field.slice(10)}` : (FIELD_ELEMENT_IDS[field] ?? ''));
    element?.focus();
    // Keyed on the submit counter only: errors cleared while typing must not move the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [focusErrors]);

  const lookUpCaller = () => {
    if (isValidPhone(phone)) history.lookup(normalizePhone(phone));
  };

  const onPhoneKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    const invalid = phoneError(phone);
    if (invalid.phone) {
      setErrors((current) => ({ ...current, ...invalid }));
      return;
    }
    lookUpCaller();
    categoryRef.current?.focus();
  };

  const pickCategory = (picked: Category) => {
    if (category?.code !== picked.code) setAnswers({});
    setCategory(picked);
    clearError('category');
    // The category's questions render with it: the focus goes to the first required one, or
    // straight on to the ward (optional questions stay one Shift+Tab away).
    requestAnimationFrame(() => {
      const first = [...picked.attributes].sort((a, b) => a.order - b.order).find((attribute) => attribute.required);
      (first ? document.getElementById(`call-attribute-${first.code}`) : wardRef.current)?.focus();
    });
  };

  const pickWard = (hit: WardSearchHit) => {
    setWardQuery(hit.name);
    setPin({ lat: hit.lat, lng: hit.lng });
    clearError('location');
    document.getElementById('call-address')?.focus();
  };

  const create = async () => {
    if (busy) return;
    const invalid = validateDraft(draft);
    if (Object.keys(invalid).length > 0) {
      showErrors(invalid);
      return;
    }
    setBusy({ kind: 'create' });
    await settle(async () => {
      const report = await fileReport.mutateAsync({ body: buildReportBody(draft), idempotencyKey });
      return { kind: 'created', code: report.code, category: report.category, ward: report.ward, trackingUrl: report.trackingUrl };
    });
  };

  const attach = async (target: AttachTarget) => {
    if (busy) return;
    const invalid = phoneError(phone);
    if (invalid.phone) {
      showErrors(invalid);
      return;
    }
    setBusy({ kind: 'attach', id: target.id });
    const name = callerName.trim();
    const note = description.trim();
    await settle(async () => {
      const attached = await attachCaller.mutateAsync({
        reportId: target.id,
        body: { phone: normalizePhone(phone), ...(name ? { name } : {}), ...(note ? { note } : {}) },
      });
      return { kind: 'attached', code: attached.code, followerCount: attached.followerCount, category: target.category, ward: target.ward };
    });
  };

  useCallShortcuts({
    create: () => void create(),
    attach: (candidate) => void attach(candidate),
    candidates: duplicates.candidates,
    closeDetail: viewed ? () => setViewed(null) : null,
  });

  const normalizedPhone = isValidPhone(phone) ? normalizePhone(phone) : null;
  // The history shown belongs to the number in the field, not to one typed before it.
  const historyState =
    history.state.status !== 'idle' && history.state.phone === normalizedPhone ? history.state : ({ status: 'idle' } as const);
  const dirty = phone !== '' || categoryQuery !== '' || wardQuery !== '' || pin !== null || description !== '' || address !== '';

  const discard = () => {
    if (!dirty || window.confirm(t('operator.actions.discardConfirm'))) onDiscard();
  };

  return (
    <div className="call-page" data-testid="operator-call-page" onInput={started}>
      <header className="call-page__head">
        <h1>{t('operator.title')}</h1>
        <CallTimer startedAt={startedAt} />
        <ShortcutLegend />
      </header>
      <div className="call-page__grid">
        <form className="call-form" onSubmit={(event) => event.preventDefault()} noValidate data-testid="call-form">
          <CallerFields
            phone={phone}
            onPhoneChange={(text) => {
              setPhone(text);
              clearError('phone');
            }}
            onPhoneKeyDown={onPhoneKeyDown}
            onPhoneBlur={lookUpCaller}
            phoneRef={phoneRef}
            phoneError={errorText(errors.phone)}
            callerName={callerName}
            onCallerNameChange={(text) => {
              setCallerName(text);
              clearError('callerName');
            }}
            callerNameError={errorText(errors.callerName)}
            hideIdentity={hideIdentity}
            onHideIdentityChange={setHideIdentity}
          />

          <CategoryField
            categories={categories}
            query={categoryQuery}
            onQueryChange={(text) => {
              setCategoryQuery(text);
              setCategory(null);
            }}
            category={category}
            onPick={pickCategory}
            inputRef={categoryRef}
            error={errorText(errors.category)}
            answers={answers}
            onAnswer={(code, answer) => {
              setAnswers(({ [code]: _previous, ...rest }) => (answer === null ? rest : { ...rest, [code]: answer }));
              clearError(`attribute:${code}`);
            }}
            attributeError={(code) => errorText(errors[`attribute:${code}`])}
          />

          <LocationSection
            wardQuery={wardQuery}
            onWardQueryChange={setWardQuery}
            onWardPick={pickWard}
            address={address}
            onAddressChange={(text) => {
              setAddress(text);
              clearError('address');
            }}
            onAddressEnter={() => descriptionRef.current?.focus()}
            pin={pin}
            pinWard={pinWard}
            onPinChange={(next) => {
              started();
              setPin(next);
              clearError('location');
            }}
            wardInputRef={wardRef}
            locationError={errorText(errors.location)}
            addressError={errorText(errors.address)}
          />

          <fieldset className="call-section">
            <legend>{t('operator.description.label')}</legend>
            <div className="field call-field">
              <label htmlFor="call-description" className="visually-hidden">
                {t('operator.description.label')}
              </label>
              <textarea
                id="call-description"
                ref={descriptionRef}
                rows={4}
                value={description}
                placeholder={t('operator.description.placeholder')}
                onChange={(event) => {
                  setDescription(event.target.value);
                  clearError('description');
                }}
                aria-invalid={errors.description ? true : undefined}
                aria-describedby={errors.description ? 'call-description-error' : undefined}
                aria-keyshortcuts="Control+Enter"
                data-testid="call-description"
              />
              <FieldMessage id="call-description-error" testId="call-description-error" message={errorText(errors.description)} />
            </div>
          </fieldset>

          <FieldMessage id="call-form-error" testId="call-form-error" message={errorText(errors.form)} />
          <div className="call-actions">
            <button
              type="button"
              className="button button--large"
              onClick={() => void create()}
              disabled={busy !== null}
              aria-keyshortcuts="Control+Enter"
              data-testid="call-create"
            >
              {busy?.kind === 'create' ? t('operator.actions.creating') : t('operator.actions.create')} <kbd>Ctrl+Enter</kbd>
            </button>
            <button type="button" className="button button--secondary" onClick={discard} data-testid="call-discard">
              {t('operator.actions.discard')}
            </button>
          </div>
        </form>

        <aside className="call-side" aria-label={t('operator.duplicates.heading')}>
          {viewed ? (
            <ReportDetailPanel
              code={viewed.code}
              state={detail}
              format={format}
              attaching={busy?.kind === 'attach'}
              onAttach={(report) => void attach(report)}
              onClose={() => setViewed(null)}
            />
          ) : (
            <>
              <DuplicatesPanel
                state={duplicates}
                format={format}
                attachingId={busy?.kind === 'attach' ? busy.id : null}
                onAttach={(candidate) => void attach(candidate)}
                onView={(candidate) => setViewed({ id: candidate.id, code: candidate.code })}
              />
              <CallerHistoryPanel
                state={historyState}
                format={format}
                onView={(report) => setViewed({ id: report.id, code: report.code })}
              />
            </>
          )}
        </aside>
      </div>
    </div>
  );
}
