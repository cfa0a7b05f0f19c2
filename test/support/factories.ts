import type { Role } from '../../server/domains/access/permissions.js';
import { api, startTestService, type TestService, type TestUser } from './service.js';

type ServiceOptions = Parameters<typeof startTestService>[0];

/**
 * One service for the describe block it is called in: started before its tests, closed after them (with
 * `perTest`, a fresh one, from fresh options, for each test). `svc` and every user `signedInAs` hands out
 * can be named at the top of the block and are usable from the first test on (they stand in for what the
 * hook creates).
 */
export function testService(options: ServiceOptions | (() => ServiceOptions) = {}, { perTest = false } = {}) {
  let started: TestService | undefined;
  const pending: { roles: Role[]; name: string | undefined; user?: TestUser }[] = [];
  const live = () => {
    if (!started) throw new Error('the test service is used before it started (outside a test or hook)');
    return started;
  };
  const start = async () => {
    started = await startTestService(typeof options === 'function' ? options() : options);
    for (const entry of pending) entry.user = await started.user(entry.roles, entry.name);
  };
  const stop = () => started?.close();
  if (perTest) {
    beforeEach(start);
    afterEach(stop);
  } else {
    before(start);
    after(stop);
  }

  const svc = new Proxy({} as TestService, { get: (_, key) => Reflect.get(live(), key) });

  /** A user with these roles (one or several), signed in; created when the service starts. */
  const signedInAs = (roles: Role | Role[], name?: string): TestUser => {
    const entry: (typeof pending)[number] = { roles: Array.isArray(roles) ? roles : [roles], name };
    pending.push(entry);
    const user = () => {
      if (!entry.user) throw new Error('the user is used before the service started');
      return entry.user;
    };
    return {
      get id() { return user().id; },
      get email() { return user().email; },
      get sessionId() { return user().sessionId; },
      get token() { return user().token; },
      get auth() { return user().auth; },
    };
  };
  return { svc, signedInAs };
}

/** An incident logged through the API as `by` (aware now unless `awareAt: null`), with any facts given; its view. */
export async function buildIncident(svc: TestService, by: TestUser, facts: Record<string, unknown> = {}) {
  const { awareAt, ...rest } = { awareAt: svc.clock.now().toISOString() as string | null, ...facts };
  const body = { title: 'Stolen laptop', description: '', ...(awareAt ? { awareAt } : {}), ...rest };
  return (await api(svc).post('/api/incidents').set(by.auth).send(body).expect(201)).body;
}

/** The facts of a breach complete enough for a notice to Datatilsynet (the four elements but the contact point). */
export const COMPLETE = {
  title: 'Kundeliste sendt til feil mottaker',
  description: 'Et regneark med kundeopplysninger ble sendt til feil ekstern adresse.',
  outwardDescription: 'En fil med opplysninger om deg ble ved en feil sendt til en annen virksomhet, som har slettet den.',
  outwardDescriptionEn: 'A file with information about you was sent to another company by mistake; they have deleted it.',
  breachTypes: ['confidentiality'],
  dataCategories: ['identity', 'contact'],
  subjects: { groups: ['kunder'], count: { kind: 'estimate', value: 1200 } },
  records: { kind: 'exact', value: 1200 },
  consequences: 'Begrenset risiko for uønskede henvendelser.',
  measuresTaken: 'Mottakeren har slettet filen og bekreftet det skriftlig.',
};
