import { useState, type FormEvent, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/httpClient';
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
    case 503:
      return t('login.errors.server', { status: error.status });
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
      navigate(returnPath(location.state, result.user.role), { replace: true });
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
      navigate(returnPath(location.state, user.role), { replace: true });
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

  const form = { message, submitting };
  if (challenge) {
    return (
      <LoginForm
        {...form}
        intro={t('login.secondFactor.intro')}
        onSubmit={onSubmitCode}
        testId="login-code-form"
        submitLabel={t('login.secondFactor.submit')}
        submitTestId="login-code-submit"
      >
        <LabelledInput
          id="login-code"
          label={t('login.secondFactor.code')}
          name="code"
          autoComplete="one-time-code"
          inputMode="text"
          autoCapitalize="none"
          spellCheck={false}
          value={code}
          onValue={setCode}
          testId="login-code"
          aria-invalid={failure !== null}
          aria-describedby="login-code-hint"
          required
        />
        <p id="login-code-hint" className="field__hint">
          {t('login.secondFactor.hint')}
        </p>
      </LoginForm>
    );
  }

  return (
    <LoginForm
      {...form}
      intro={t('login.intro')}
      onSubmit={onSubmit}
      testId="login-form"
      submitLabel={t('login.submit')}
      submitTestId="login-submit"
    >
      <LabelledInput
        id="login-username"
        label={t('login.username')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={username}
        onValue={setUsername}
        testId="login-username"
        aria-invalid={failure !== null}
        required
      />
      <LabelledInput
        id="login-password"
        label={t('login.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onValue={setPassword}
        testId="login-password"
        aria-invalid={failure !== null}
        required
      />
    </LoginForm>
  );
}

interface LoginFormProps {
  intro: string;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  testId: string;
  message: string | null;
  submitting: boolean;
  submitLabel: string;
  submitTestId: string;
  children: ReactNode;
}

/** One step of the sign-in: its fields, the failure, and the button. */
function LoginForm({ intro, onSubmit, testId, message, submitting, submitLabel, submitTestId, children }: LoginFormProps) {
  const { t } = useTranslation();
  return (
    <section className="page page--narrow login">
      <h1>{t('login.title')}</h1>
      <p className="login__intro">{intro}</p>
      <form className="login__form" onSubmit={onSubmit} noValidate data-testid={testId}>
        {children}
        {message && (
          <p className="login__error" role="alert" data-testid="login-error">
            {message}
          </p>
        )}
        <button type="submit" className="button" disabled={submitting} data-testid={submitTestId}>
          {submitting ? t('login.submitting') : submitLabel}
        </button>
      </form>
    </section>
  );
}
