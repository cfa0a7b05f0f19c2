import assert from 'node:assert/strict';
import { DASHBOARD_MESSAGES } from '../../../notifications/messages/dashboard.messages.js';

/** Sentences that read the same in both languages: names and abbreviations. */
const SAME_IN_BOTH = new Set(['shell.appName', 'nav.register', 'role.admin', 'channel.altinn', 'channelKind.webhook', 'incident.status', 'templates.status', 'templates.bodyHtml', 'register.status', 'admin.webhook', 'admin.webhookFor']);

describe('the dashboard catalogue', () => {
  const entries = Object.entries(DASHBOARD_MESSAGES) as [string, Record<'nb' | 'en', (p: unknown) => string>][];
  const params = new Proxy({}, { get: () => 2 });

  it('words every code in bokmål and in English, each a sentence of its own', () => {
    const same: string[] = [];
    for (const [code, entry] of entries) {
      const nb = entry.nb(params);
      const en = entry.en(params);
      assert.ok(nb.trim() && en.trim(), `${code} is empty in a language`);
      if (nb === en && !SAME_IN_BOTH.has(code)) same.push(`${code}: ${nb}`);
    }
    assert.deepEqual(same, []);
  });

  it('leaves no parameter unfilled', () => {
    for (const [code, entry] of entries) {
      for (const lang of ['nb', 'en'] as const) assert.doesNotMatch(entry[lang](params), /undefined|\[object Object\]|\$\{/, `${code} (${lang})`);
    }
  });

  it('says how long to wait after too many attempts, in words: seconds, then whole minutes rounded up', () => {
    const wait = DASHBOARD_MESSAGES['error.tooManyWait'];
    assert.equal(wait.nb({ seconds: 1 }), 'For mange forsøk. Vent 1 sekund og prøv igjen.');
    assert.equal(wait.nb({ seconds: 42 }), 'For mange forsøk. Vent 42 sekunder og prøv igjen.');
    assert.equal(wait.nb({ seconds: 61 }), 'For mange forsøk. Vent 2 minutter og prøv igjen.');
    assert.equal(wait.en({ seconds: 60 }), 'Too many attempts. Wait 1 minute and try again.');
  });

  it('words the filing confirmation by which filing it is: only the first stops the clock', () => {
    const explain = DASHBOARD_MESSAGES['filing.confirmExplain'];
    assert.match(explain.nb({ phase: 'complete', first: true }), /Den første innsendingen stopper klokken mot Datatilsynet\./);
    assert.match(explain.nb({ phase: 'initial', first: true }), /oppfølgende melding skyldes/);
    for (const phase of ['final', 'supplementary', 'complete'] as const) {
      assert.doesNotMatch(explain.nb({ phase, first: false }), /Den første innsendingen stopper/, phase);
      assert.doesNotMatch(explain.en({ phase, first: false }), /The first filing stops/, phase);
    }
    assert.match(explain.nb({ phase: 'final', first: false }), /^Registrer .*Den endelige meldingen fullfører/);
    assert.match(explain.en({ phase: 'supplementary', first: false }), /This supplementary notice adds to the earlier filings/);
  });
});
