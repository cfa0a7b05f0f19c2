import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { refresh, onTokenChange } from './api.js';
import { connect, disconnect } from './alerts.js';
import { Layout } from './components/layout.js';
import { Loading } from './components/states.js';
import { Toasts } from './components/toasts.js';
import { AccountScreen } from './screens/account.js';
import { AdminScreen } from './screens/admin.js';
import { BoardScreen } from './screens/board.js';
import { IncidentScreen } from './screens/incident.js';
import { NewIncidentScreen } from './screens/new-incident.js';
import { OnCallScreen } from './screens/oncall.js';
import { RegisterScreen } from './screens/register.js';
import { SignInScreen } from './screens/sign-in.js';
import { TemplatesScreen } from './screens/templates.js';
import { session, updateSession, useRoute, useSession } from './state.js';
import { currentLang } from './words.js';

function Screen({ hash }: { hash: string }) {
  if (hash === '#/new') return <NewIncidentScreen />;
  if (hash === '#/oncall') return <OnCallScreen />;
  if (hash === '#/templates') return <TemplatesScreen />;
  if (hash === '#/register') return <RegisterScreen />;
  if (hash === '#/admin') return <AdminScreen />;
  if (hash === '#/account') return <AccountScreen />;
  if (hash.startsWith('#/incidents/')) return <IncidentScreen id={decodeURIComponent(hash.slice('#/incidents/'.length))} />;
  return <BoardScreen />;
}

function App() {
  const s = useSession();
  const hash = useRoute();
  const [ready, setReady] = useState(false);
  // Changing the language renders every screen anew in it.
  const [lang, setLangKey] = useState(currentLang());
  useEffect(() => {
    void refresh().then((me) => {
      updateSession({ me });
      setReady(true);
    });
    onTokenChange((token) => {
      if (!token && session.me) updateSession({ me: null });
    });
  }, []);
  useEffect(() => {
    if (s.me) connect();
    else disconnect();
  }, [s.me?.id]);
  if (!ready) return <Loading />;
  if (!s.me) return <SignInScreen />;
  const active = hash.startsWith('#/incidents/') ? '' : hash;
  return (
    <div key={lang}>
      <Layout active={active} onLang={() => setLangKey(currentLang())}>
        <Screen key={hash} hash={hash} />
      </Layout>
      <Toasts />
    </div>
  );
}

render(<App />, document.getElementById('app')!);
