import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { NewPasswordField, TextField } from '../components/field.js';
import { ErrorBox } from '../components/states.js';
import { confirmDone } from '../components/toasts.js';
import { session } from '../state.js';
import { t } from '../words.js';

/** The signed-in person's own account: who they are, and changing their password (their other sessions end). */
export function AccountScreen() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <h1>{t('account.title')}</h1>
      <p>
        {session.me?.name} · {session.me?.email}
      </p>
      <form
        class="card"
        data-testid="password-form"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void api('POST', '/auth/password', { currentPassword: current, newPassword: next })
            .then(() => {
              setCurrent('');
              setNext('');
              setError(null);
              confirmDone(t('account.passwordChanged'));
            }, setError)
            .finally(() => setBusy(false));
        }}
      >
        <h2>{t('account.changePassword')}</h2>
        <TextField
          path="currentPassword"
          label={t('account.currentPassword')}
          type="password"
          required
          autoComplete="current-password"
          value={current}
          onInput={setCurrent}
        />
        <NewPasswordField
          path="newPassword"
          label={t('account.newPassword')}
          help={(min) => t('account.newPasswordHelp', { min })}
          value={next}
          onInput={setNext}
        />
        {error ? <ErrorBox error={error} /> : null}
        <button class="primary" type="submit" disabled={busy}>
          {t('account.changePassword')}
        </button>
      </form>
    </>
  );
}
