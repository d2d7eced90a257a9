import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/apiError';
import { oneTimeCode } from './privacyFiles';
import { useOpenAccess, useSendCode, type PrivacyAccess } from './privacyQueries';

/** A report's private link this browser holds, which opens the data without an e-mail. */
export interface ReporterLink {
  code: string;
  secret: string;
}

interface Props {
  link: ReporterLink | null;
  /** Why the citizen is asked again (the viewing session ended). */
  notice: string | null;
  onOpened(access: PrivacyAccess): void;
}

/** The problem of a refused or failed request, as one sentence. */
function useFailureText() {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  return (error: unknown): string => {
    if (!(error instanceof ApiError) || error.status === 0) return t('privacy.open.errors.network');
    // The API names the field in both languages.
    if (error.issues.length > 0)
      return error.issues.map((issue) => (english ? issue.message : (issue.messageVi ?? issue.message))).join(' ');
    if (error.status === 401 || error.status === 403 || error.status === 404) return t('privacy.open.errors.refused');
    if (error.status === 429) return t('privacy.open.errors.tooMany');
    return t('privacy.open.errors.server', { status: error.status });
  };
}

/**
 * The two ways to show who you are: the private link of a report (when this browser holds one),
 * or an e-mail address on record and the six-digit code sent to it.
 */
export function OpenAccessForm({ link, notice, onOpened }: Props) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const open = useOpenAccess();
  // Shown under the way that was tried: the link's button, or the code's field.
  const [problem, setProblem] = useState<{ way: 'link' | 'email'; text: string } | null>(null);

  const openWith = async (way: 'link' | 'email', body: Parameters<typeof open.mutateAsync>[0]) => {
    setProblem(null);
    try {
      onOpened(await open.mutateAsync(body));
    } catch (error) {
      setProblem({ way, text: failureText(error) });
    }
  };

  return (
    <section className="privacy-panel" aria-labelledby="privacy-open-title" data-testid="privacy-open">
      <h2 id="privacy-open-title">{t('privacy.open.title')}</h2>
      {notice && (
        <p className="privacy-notice" role="status" data-testid="privacy-open-notice">
          {notice}
        </p>
      )}
      {link ? (
        <div className="privacy-way" data-testid="privacy-open-link">
          <h3>{t('privacy.open.link.title')}</h3>
          <p>{t('privacy.open.link.text', { code: link.code })}</p>
          <button
            type="button"
            className="button"
            disabled={open.isPending}
            onClick={() => void openWith('link', { trackingCode: link.code, secret: link.secret })}
            data-testid="privacy-open-link-submit"
          >
            {t('privacy.open.link.submit')}
          </button>
          {problem?.way === 'link' && (
            <p className="privacy-error" role="alert" data-testid="privacy-open-link-error">
              {problem.text}
            </p>
          )}
        </div>
      ) : (
        <p className="privacy-muted">{t('privacy.open.linkHint')}</p>
      )}
      <EmailCodeSteps
        busy={open.isPending}
        problem={problem?.way === 'email' ? problem.text : null}
        onCode={(email, code) => void openWith('email', { email, code })}
        onEdit={() => setProblem(null)}
      />
    </section>
  );
}

interface StepsProps {
  busy: boolean;
  /** A refused code, shown under the code field. */
  problem: string | null;
  onCode(email: string, code: string): void;
  onEdit(): void;
}

/** Step one: the e-mail address; step two: the code sent to it. */
function EmailCodeSteps({ busy, problem, onCode, onEdit }: StepsProps) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const send = useSendCode();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const emailId = useId();
  const codeId = useId();
  const errorId = useId();
  const sentId = useId();
  const codeRef = useRef<HTMLInputElement>(null);

  // The next step of a form the citizen just sent: the field they now need.
  useEffect(() => {
    if (sentTo !== null) codeRef.current?.focus();
  }, [sentTo]);

  const sendCode = async (event?: FormEvent) => {
    event?.preventDefault();
    const address = email.trim();
    if (address === '') {
      setFieldError(t('privacy.open.errors.emailRequired'));
      return;
    }
    setFieldError(null);
    try {
      await send.mutateAsync(address);
      setSentTo(address);
      setCode('');
    } catch (error) {
      setFieldError(failureText(error));
    }
  };

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    const digits = oneTimeCode(code);
    if (!digits) {
      setFieldError(t('privacy.open.errors.codeFormat'));
      return;
    }
    setFieldError(null);
    onCode(sentTo ?? '', digits);
  };
  const shownError = fieldError ?? (sentTo ? problem : null);

  return (
    <div className="privacy-way" data-testid="privacy-open-email">
      <h3>{t('privacy.open.email.title')}</h3>
      {sentTo === null ? (
        <form onSubmit={(event) => void sendCode(event)} noValidate data-testid="privacy-email-form">
          <p>{t('privacy.open.email.text')}</p>
          <div className="field privacy-field">
            <label htmlFor={emailId}>{t('privacy.open.email.label')}</label>
            <input
              id={emailId}
              type="email"
              autoComplete="email"
              value={email}
              aria-invalid={shownError ? true : undefined}
              aria-describedby={shownError ? errorId : undefined}
              onChange={(event) => setEmail(event.target.value)}
              data-testid="privacy-email"
            />
          </div>
          {shownError && (
            <p id={errorId} className="privacy-error" role="alert" data-testid="privacy-email-error">
              {shownError}
            </p>
          )}
          <button type="submit" className="button" disabled={send.isPending} data-testid="privacy-email-submit">
            {t('privacy.open.email.submit')}
          </button>
        </form>
      ) : (
        <form onSubmit={confirm} noValidate data-testid="privacy-code-form">
          <p id={sentId} role="status" data-testid="privacy-code-sent">
            {t('privacy.open.email.sent', { email: sentTo })}
          </p>
          <div className="field privacy-field">
            <label htmlFor={codeId}>{t('privacy.open.email.codeLabel')}</label>
            <input
              id={codeId}
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              ref={codeRef}
              maxLength={9}
              value={code}
              aria-invalid={shownError ? true : undefined}
              aria-describedby={shownError ? `${sentId} ${errorId}` : sentId}
              onChange={(event) => {
                setCode(event.target.value);
                onEdit();
              }}
              data-testid="privacy-code"
            />
          </div>
          {shownError && (
            <p id={errorId} className="privacy-error" role="alert" data-testid="privacy-code-error">
              {shownError}
            </p>
          )}
          <div className="privacy-actions">
            <button type="submit" className="button" disabled={busy} data-testid="privacy-code-submit">
              {t('privacy.open.email.codeSubmit')}
            </button>
            <button type="button" className="button button--secondary" disabled={send.isPending} onClick={() => void sendCode()}>
              {t('privacy.open.email.resend')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setSentTo(null);
                setFieldError(null);
                onEdit();
              }}
              data-testid="privacy-other-email"
            >
              {t('privacy.open.email.otherEmail')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
