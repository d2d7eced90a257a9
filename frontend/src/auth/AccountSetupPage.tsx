import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/httpClient';
import { confirmEnrolment, fetchCurrentUser, requestEnrolment, requestPasswordChange } from './authApi';
import type { Enrolment } from './authTypes';
import { setupStep } from './authTypes';
import { useAuth } from './useAuth';
import styles from './AccountSetupPage.module.css';

/** The API's words for a refused field, in the page's language; anything else as one line. */
function useFailureText() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError && error.issues.length > 0) {
      const issue = error.issues[0];
      return i18n.resolvedLanguage === 'en' ? issue.message : (issue.messageVi ?? issue.message);
    }
    if (error instanceof ApiError && error.status !== 0) return t('account.errors.server', { status: error.status });
    return t('account.errors.network');
  };
}

/**
 * Shown instead of any staff page while the account is not set up: first a password of the
 * user's own in place of the temporary one, then (where the role requires it) an authenticator
 * app. The API refuses everything else until both are done, so this is the only way on.
 */
export function AccountSetupPage() {
  const { user } = useAuth();
  const step = setupStep(user);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} />;
  if (step === 'password') return <ChangePassword />;
  return <EnrolSecondFactor onEnrolled={setRecoveryCodes} />;
}

function ChangePassword() {
  const { t } = useTranslation();
  const { token, updateUser } = useAuth();
  const failureText = useFailureText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The handlers show their own failures: the forms and buttons do not wait for them.
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (next !== repeat) return setError(t('account.password.mismatch'));
    setBusy(true);
    setError(null);
    try {
      updateUser(await requestPasswordChange(token ?? '', current, next));
    } catch (failure) {
      setError(failureText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={`page page--narrow ${styles.setup}`} data-testid="account-setup-password">
      <h1>{t('account.password.title')}</h1>
      <p>{t('account.password.intro')}</p>
      <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate>
        <label htmlFor="setup-current">{t('account.password.current')}</label>
        <input
          id="setup-current"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          data-testid="setup-current-password"
        />
        <label htmlFor="setup-new">{t('account.password.new')}</label>
        <input
          id="setup-new"
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          aria-describedby="setup-new-rule"
          data-testid="setup-new-password"
        />
        <p id="setup-new-rule" className="field__hint" data-testid="password-rule">
          {t('account.password.rule')}
        </p>
        <label htmlFor="setup-repeat">{t('account.password.repeat')}</label>
        <input
          id="setup-repeat"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          data-testid="setup-repeat-password"
        />
        {error && (
          <p className={styles.error} role="alert" data-testid="setup-error">
            {error}
          </p>
        )}
        <button type="submit" className="button" disabled={busy} data-testid="setup-password-submit">
          {t('account.password.submit')}
        </button>
      </form>
    </section>
  );
}

function EnrolSecondFactor({ onEnrolled }: { onEnrolled(codes: string[]): void }) {
  const { t } = useTranslation();
  const { token } = useAuth();
  const failureText = useFailureText();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await requestEnrolment(token ?? ''));
    } catch (failure) {
      setError(failureText(failure));
    } finally {
      setBusy(false);
    }
  };

  const onConfirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onEnrolled((await confirmEnrolment(token ?? '', code.trim())).recoveryCodes);
    } catch (failure) {
      setError(failureText(failure));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={`page page--narrow ${styles.setup}`} data-testid="account-setup-second-factor">
      <h1>{t('account.secondFactor.title')}</h1>
      <p>{t('account.secondFactor.intro')}</p>
      {!enrolment ? (
        <button type="button" className="button" onClick={() => void start()} disabled={busy} data-testid="totp-start">
          {t('account.secondFactor.start')}
        </button>
      ) : (
        <form className={styles.form} onSubmit={(event) => void onConfirm(event)} noValidate>
          <img
            className={styles.qr}
            src={enrolment.qrCode}
            alt={t('account.secondFactor.qrAlt')}
            width={240}
            height={240}
            data-testid="totp-qr"
          />
          <p>
            {t('account.secondFactor.manual')}{' '}
            <code className={styles.secret} data-testid="totp-secret">
              {enrolment.secret}
            </code>
          </p>
          <label htmlFor="setup-code">{t('account.secondFactor.code')}</label>
          <input
            id="setup-code"
            autoComplete="one-time-code"
            inputMode="numeric"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            data-testid="totp-code"
          />
          <button type="submit" className="button" disabled={busy} data-testid="totp-confirm">
            {t('account.secondFactor.confirm')}
          </button>
        </form>
      )}
      {error && (
        <p className={styles.error} role="alert" data-testid="setup-error">
          {error}
        </p>
      )}
    </section>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const { token, updateUser } = useAuth();
  const [busy, setBusy] = useState(false);
  // The session now counts the factor; the API's view of the user replaces the one from sign-in.
  const done = async () => {
    setBusy(true);
    try {
      updateUser(await fetchCurrentUser(token ?? ''));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={`page page--narrow ${styles.setup}`} data-testid="account-setup-recovery-codes">
      <h1>{t('account.recovery.title')}</h1>
      <p>{t('account.recovery.intro')}</p>
      <ul className={styles.codes} data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={() => void done()} disabled={busy} data-testid="recovery-codes-done">
        {t('account.recovery.done')}
      </button>
    </section>
  );
}
