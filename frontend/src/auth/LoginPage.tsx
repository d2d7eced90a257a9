import { useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/apiError';
import { HOME_PATH, canVisit } from '../app/appPages';
import { StatusMessage } from '../app/StatusMessage';
import { LabelledInput } from './LabelledInput';
import type { Audience } from './roles';
import { useAuth } from './useAuth';

function returnPath(state: unknown, audience: Audience): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && canVisit(from, audience) ? from : HOME_PATH[audience];
}

function describeLoginError(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('login.errors.network');
  switch (error.status) {
    case 0:
      return t('login.errors.network');
    case 400:
      return t('login.errors.invalidInput');
    case 401:
      if (error.code === 'auth.invalid_second_factor') return t('login.errors.invalidCode');
      if (error.code === 'auth.invalid_challenge') return t('login.errors.challengeExpired');
      return t('login.errors.invalidCredentials');
    case 429:
      return error.retryAfterSeconds ? t('login.errors.throttledFor', { seconds: error.retryAfterSeconds }) : t('login.errors.throttled');
    // Too many sign-ins at once on the server (or it is briefly away): it says when to come back.
    case 503:
      return error.retryAfterSeconds
        ? t('login.errors.busyFor', { seconds: error.retryAfterSeconds })
        : t('login.errors.server', { status: error.status });
    default:
      return t('login.errors.server', { status: error.status });
  }
}

export function LoginPage() {
  const { t } = useTranslation();
  const { status, audience, login, completeSecondFactor } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  // The password was right and the account has a second factor: the code comes next.
  const [challenge, setChallenge] = useState<string | null>(null);
  const [code, setCode] = useState('');
  // Kept as the failure itself, not its text, so the message follows a language switch.
  const [failure, setFailure] = useState<{ error: unknown } | 'required' | null>(null);

  if (status === 'restoring') return <StatusMessage testId="auth-restoring">{t('auth.restoring')}</StatusMessage>;
  if (status === 'signedIn' && !submitting) return <Navigate to={returnPath(location.state, audience)} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setFailure('required');
      return;
    }
    setSubmitting(true);
    setFailure(null);
    try {
      const result = await login(username.trim(), password);
      if (result.kind === 'secondFactor') {
        setChallenge(result.challengeToken);
        setPassword('');
        return;
      }
      void navigate(returnPath(location.state, result.user.role), { replace: true });
    } catch (error) {
      setFailure({ error });
      setPassword('');
    } finally {
      setSubmitting(false);
    }
  };

  const onSubmitCode = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!challenge) return;
    if (!code.trim()) {
      setFailure('required');
      return;
    }
    setSubmitting(true);
    setFailure(null);
    try {
      const user = await completeSecondFactor(challenge, code.trim());
      void navigate(returnPath(location.state, user.role), { replace: true });
    } catch (error) {
      setFailure({ error });
      setCode('');
      // An expired step starts again from the password.
      if (error instanceof ApiError && error.code === 'auth.invalid_challenge') setChallenge(null);
    } finally {
      setSubmitting(false);
    }
  };

  const message =
    failure === null
      ? null
      : failure === 'required'
        ? t(challenge ? 'login.errors.codeRequired' : 'login.errors.required')
        : describeLoginError(failure.error, t);

  const field = (
    name: 'username' | 'password' | 'code',
    label: string,
    value: string,
    onValue: (value: string) => void,
    more: InputProps,
  ) => (
    <LabelledInput
      {...more}
      id={`login-${name}`}
      testId={`login-${name}`}
      name={name}
      label={label}
      value={value}
      onValue={onValue}
      aria-invalid={failure !== null}
      required
    />
  );

  if (challenge) {
    return (
      <LoginForm step="code" onSubmit={(event) => void onSubmitCode(event)} message={message} submitting={submitting}>
        {field('code', t('login.secondFactor.code'), code, setCode, {
          ...AS_TYPED,
          autoComplete: 'one-time-code',
          inputMode: 'text',
          'aria-describedby': 'login-code-hint',
        })}
        <p id="login-code-hint" className="field__hint">
          {t('login.secondFactor.hint')}
        </p>
      </LoginForm>
    );
  }

  return (
    <LoginForm step="password" onSubmit={(event) => void onSubmit(event)} message={message} submitting={submitting}>
      {field('username', t('login.username'), username, setUsername, { ...AS_TYPED, autoComplete: 'username' })}
      {field('password', t('login.password'), password, setPassword, { type: 'password', autoComplete: 'current-password' })}
    </LoginForm>
  );
}

type InputProps = InputHTMLAttributes<HTMLInputElement> & { 'aria-describedby'?: string };
/** A username or a code is sent as typed: no capital letter or spelling fix added by the phone. */
const AS_TYPED: InputProps = { autoCapitalize: 'none', spellCheck: false };

/** The two steps of a sign-in: the password, then (for an account with a second factor) a code. */
const STEPS = {
  password: { intro: 'login.intro', testId: 'login-form', submit: 'login.submit', submitTestId: 'login-submit' },
  code: {
    intro: 'login.secondFactor.intro',
    testId: 'login-code-form',
    submit: 'login.secondFactor.submit',
    submitTestId: 'login-code-submit',
  },
} as const;

interface LoginFormProps {
  step: keyof typeof STEPS;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  message: string | null;
  submitting: boolean;
  children: ReactNode;
}

/** One step of the sign-in: its fields, the failure, and the button. */
function LoginForm({ step, onSubmit, message, submitting, children }: LoginFormProps) {
  const { t } = useTranslation();
  const { intro, testId, submit, submitTestId } = STEPS[step];
  return (
    <section className="page page--narrow login">
      <h1>{t('login.title')}</h1>
      <p className="login__intro">{t(intro)}</p>
      <form className="login__form" onSubmit={onSubmit} noValidate data-testid={testId}>
        {children}
        {message && (
          <p className="login__error" role="alert" data-testid="login-error">
            {message}
          </p>
        )}
        <button type="submit" className="button" disabled={submitting} data-testid={submitTestId}>
          {submitting ? t('login.submitting') : t(submit)}
        </button>
      </form>
    </section>
  );
}
