import { useState } from 'preact/hooks';
import { login } from '../api.js';
import { TextField } from '../components/field.js';
import { ErrorBox } from '../components/states.js';
import { updateSession } from '../state.js';
import { currentLang, setLang, t } from '../words.js';

export function SignInScreen() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [, setLangKey] = useState(currentLang());
  return (
    <main class="narrow">
      <form
        noValidate
        class="card"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try {
            const me = await login(email, password);
            if (!location.hash.startsWith('#/')) location.hash = '#/';
            updateSession({ me });
          } catch (err) {
            setError(err);
            setBusy(false);
          }
        }}
      >
        <h1>{t('signIn.title')}</h1>
        <p class="muted">{t('signIn.intro')}</p>
        <TextField path="email" label={t('signIn.email')} type="email" autoComplete="username" required value={email} onInput={setEmail} />
        <TextField
          path="password"
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={setPassword}
        />
        {error ? <ErrorBox error={error} /> : null}
        <button class="primary" type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
        <button
          type="button"
          class="secondary"
          lang={currentLang() === 'nb' ? 'en' : 'nb'}
          onClick={() => {
            setLang(currentLang() === 'nb' ? 'en' : 'nb');
            setLangKey(currentLang());
          }}
        >
          {t('shell.otherLanguage')}
        </button>
      </form>
    </main>
  );
}
