import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/apiError';
import { useChangePassword, useConfirmEnrolment, useReloadUser, useStartEnrolment } from './authQueries';
import { LabelledInput } from './LabelledInput';
import { setupStep } from './roles';
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
  const failureText = useFailureText();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const error = mismatch ? t('account.password.mismatch') : change.error ? failureText(change.error) : null;

  const password = (which: 'current' | 'new' | 'repeat', value: string, onValue: (value: string) => void) => (
    <LabelledInput
      id={`setup-${which}`}
      label={t(`account.password.${which}`)}
      type="password"
      autoComplete={which === 'current' ? 'current-password' : 'new-password'}
      value={value}
      onValue={onValue}
      aria-describedby={which === 'new' ? 'setup-new-rule' : undefined}
      testId={`setup-${which}-password`}
    />
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    change.mutate({ currentPassword: current, newPassword: next });
  };

  return (
    <SetupStep testId="account-setup-password" title={t('account.password.title')} intro={t('account.password.intro')} error={error}>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        {password('current', current, setCurrent)}
        {password('new', next, setNext)}
        <p id="setup-new-rule" className="field__hint" data-testid="password-rule">
          {t('account.password.rule')}
        </p>
        {password('repeat', repeat, setRepeat)}
        <SetupError error={error} />
        <button type="submit" className="button" disabled={change.isPending} data-testid="setup-password-submit">
          {t('account.password.submit')}
        </button>
      </form>
    </SetupStep>
  );
}

function EnrolSecondFactor({ onEnrolled }: { onEnrolled(codes: string[]): void }) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const [code, setCode] = useState('');
  const enrolment = start.data;
  // The step's latest failure: starting, or a refused code.
  const failure = confirm.error ?? (enrolment ? null : start.error);
  const busy = start.isPending || confirm.isPending;

  const onConfirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    confirm.mutate(code.trim(), { onSuccess: (answer) => onEnrolled(answer.recoveryCodes), onError: () => setCode('') });
  };

  return (
    <SetupStep
      testId="account-setup-second-factor"
      title={t('account.secondFactor.title')}
      intro={t('account.secondFactor.intro')}
      error={failure ? failureText(failure) : null}
      errorBelow
    >
      {!enrolment ? (
        <button type="button" className="button" onClick={() => start.mutate()} disabled={busy} data-testid="totp-start">
          {t('account.secondFactor.start')}
        </button>
      ) : (
        <form className={styles.form} onSubmit={onConfirm} noValidate>
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
          <LabelledInput
            id="setup-code"
            label={t('account.secondFactor.code')}
            autoComplete="one-time-code"
            inputMode="numeric"
            value={code}
            onValue={setCode}
            testId="totp-code"
          />
          <button type="submit" className="button" disabled={busy} data-testid="totp-confirm">
            {t('account.secondFactor.confirm')}
          </button>
        </form>
      )}
    </SetupStep>
  );
}

/** One step of the set-up: its title and introduction, its form, and (below the form when `errorBelow`) its failure. */
function SetupStep(props: {
  testId: string;
  title: string;
  intro: string;
  error: string | null;
  errorBelow?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={`page page--narrow ${styles.setup}`} data-testid={props.testId}>
      <h1>{props.title}</h1>
      <p>{props.intro}</p>
      {props.children}
      {props.errorBelow && <SetupError error={props.error} />}
    </section>
  );
}

function SetupError({ error }: { error: string | null }) {
  return error ? (
    <p className={styles.error} role="alert" data-testid="setup-error">
      {error}
    </p>
  ) : null;
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const reload = useReloadUser();
  return (
    <SetupStep testId="account-setup-recovery-codes" title={t('account.recovery.title')} intro={t('account.recovery.intro')} error={null}>
      <ul className={styles.codes} data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button"
        onClick={() => reload.mutate()}
        disabled={reload.isPending}
        data-testid="recovery-codes-done"
      >
        {t('account.recovery.done')}
      </button>
    </SetupStep>
  );
}
