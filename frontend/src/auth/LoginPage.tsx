import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/httpClient';
import { HOME_PATH, canVisit } from '../app/appPages';
import { StatusMessage } from '../app/StatusMessage';
import type { Audience } from './authTypes';
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

  // The handlers show their own failures: the forms do not wait for them.
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
      // The router's navigation finishes on its own: nothing here waits for it.
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

  if (challenge) {
    return (
      <section className="page page--narrow login">
        <h1>{t('login.title')}</h1>
        <p className="login__intro">{t('login.secondFactor.intro')}</p>
        <form className="login__form" onSubmit={(event) => void onSubmitCode(event)} noValidate data-testid="login-code-form">
          <label htmlFor="login-code">{t('login.secondFactor.code')}</label>
          <input
            id="login-code"
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            autoCapitalize="none"
            spellCheck={false}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            data-testid="login-code"
            aria-invalid={failure !== null}
            aria-describedby="login-code-hint"
            required
          />
          <p id="login-code-hint" className="field__hint">
            {t('login.secondFactor.hint')}
          </p>
          {message && (
            <p className="login__error" role="alert" data-testid="login-error">
              {message}
            </p>
          )}
          <button type="submit" className="button" disabled={submitting} data-testid="login-code-submit">
            {submitting ? t('login.submitting') : t('login.secondFactor.submit')}
          </button>
        </form>
      </section>
    );
  }

  return (
    <section className="page page--narrow login">
      <h1>{t('login.title')}</h1>
      <p className="login__intro">{t('login.intro')}</p>
      <form className="login__form" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="login-form">
        <label htmlFor="login-username">{t('login.username')}</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          data-testid="login-username"
          aria-invalid={failure !== null}
          required
        />
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          data-testid="login-password"
          aria-invalid={failure !== null}
          required
        />
        {message && (
          <p className="login__error" role="alert" data-testid="login-error">
            {message}
          </p>
        )}
        <button type="submit" className="button" disabled={submitting} data-testid="login-submit">
          {submitting ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </section>
  );
}
