import type { ComponentChildren } from 'preact';
import { logout } from '../api.js';
import { can, session, updateSession, useSession } from '../state.js';
import { currentLang, setLang, t } from '../words.js';

export function Layout({ active, children, onLang }: { active: string; children: ComponentChildren; onLang: () => void }) {
  const s = useSession();
  const nav = (hash: string, label: string) => (
    <a href={hash} aria-current={active === hash ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <>
      {s.stalled ? (
        <div class="stalled" role="alert">
          {t('shell.stalled')}
        </div>
      ) : null}
      <header>
        <strong>{t('shell.appName')}</strong>
        <nav aria-label={t('shell.mainMenu')}>
          {nav('#/', t('nav.board'))}
          {can('incident:create') ? nav('#/new', t('nav.newIncident')) : null}
          {nav('#/oncall', t('nav.oncall'))}
          {nav('#/templates', t('nav.templates'))}
          {can('register:export') ? nav('#/register', t('nav.register')) : null}
          {can('user:manage') || can('rota:manage') ? nav('#/admin', t('nav.admin')) : null}
        </nav>
        <a class="who" href="#/account" aria-current={active === '#/account' ? 'page' : undefined} title={t('account.title')}>
          {session.me?.name}
        </a>
        <button
          type="button"
          lang={currentLang() === 'nb' ? 'en' : 'nb'}
          onClick={() => {
            setLang(currentLang() === 'nb' ? 'en' : 'nb');
            onLang();
          }}
        >
          {t('shell.otherLanguage')}
        </button>
        <button type="button" onClick={() => void logout().then(() => updateSession({ me: null }))}>
          {t('shell.signOut')}
        </button>
      </header>
      <main>{children}</main>
    </>
  );
}
