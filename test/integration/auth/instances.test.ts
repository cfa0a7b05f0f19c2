import assert from 'node:assert/strict';
import type { CommandStartedEvent } from 'mongodb';
import type { Socket } from 'socket.io-client';
import { ManualClock } from '../../support/clock.js';
import { uniqueDbName } from '../../support/database.js';
import { buildIncident } from '../../support/factories.js';
import { api, nextEvent, PASSWORD, startTestService, type TestService, type TestUser } from '../../support/service.js';

const AUTHENTICATION = ['access_epochs', 'sessions', 'users'];

const watch = (socket: Socket, incidentId: string) =>
  new Promise<{ ok: boolean; error?: string }>((resolve) => socket.emit('incident:watch', { incidentId }, resolve));

/**
 * Two instances on one database. A serves the admin's writes; B serves the user, so B holds the user's
 * actor validated. Each time, B's very next request after A answered sees the change, without waiting.
 */
describe('auth: what one instance changes, another applies at its next request', () => {
  const dbName = uniqueDbName('actors');
  const clock = new ManualClock('2026-03-02T08:00:00Z');
  let a: TestService;
  let b: TestService;
  let admin: TestUser;
  let manager: TestUser;
  const commands: string[] = [];

  before(async () => {
    a = await startTestService({ dbName, clock, instanceName: 'a' });
    b = await startTestService({ dbName, clock, instanceName: 'b', monitorCommands: true });
    admin = await a.user(['admin']);
    manager = await a.user(['manager']);
    b.connection.getClient().on('commandStarted', (event: CommandStartedEvent) => {
      const collection = event.command[event.commandName];
      if (typeof collection === 'string') commands.push(collection);
    });
  });
  after(async () => {
    await b?.close();
    await a?.close();
  });

  const me = (svc: TestService, user: TestUser) => api(svc).get('/api/auth/me').set(user.auth);
  /** Two requests on B: the first validates the actor, the second is answered from what B remembered. */
  const servedByB = async (user: TestUser) => {
    await me(b, user).expect(200);
    await me(b, user).expect(200);
  };
  const refreshCookie = (res: { headers: Record<string, unknown> }) =>
    (res.headers['set-cookie'] as string[]).find((c) => c.startsWith('bc_refresh='))!.split(';')[0]!;

  it('refuses a session signed out on the other instance', async () => {
    const user = await a.user(['analyst']);
    const signedIn = await api(a).post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
    const token = signedIn.body.accessToken as string;
    await api(b).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    await api(b).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    await api(a).post('/api/auth/logout').set('Cookie', refreshCookie(signedIn)).send({}).expect(204);
    const res = await api(b).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    assert.equal(res.body.error.code, 'unauthorized');
  });

  it('refuses a user deactivated on the other instance', async () => {
    const user = await a.user(['analyst']);
    await servedByB(user);
    await api(a).patch(`/api/users/${user.id}`).set(admin.auth).send({ active: false }).expect(200);
    await me(b, user).expect(401);
  });

  it('refuses a user deleted on the other instance', async () => {
    const user = await a.user(['analyst']);
    await servedByB(user);
    await api(a).delete(`/api/users/${user.id}`).set(admin.auth).expect(204);
    await me(b, user).expect(401);
  });

  it('refuses every session of a user whose password an admin set on the other instance', async () => {
    const user = await a.user(['analyst']);
    await servedByB(user);
    await api(a).put(`/api/users/${user.id}/password`).set(admin.auth).send({ password: 'a brand new password' }).expect(204);
    await me(b, user).expect(401);
  });

  it('answers with the roles left after a role is removed on the other instance', async () => {
    const user = await a.user(['analyst', 'manager']);
    const restricted = await buildIncident(a, manager, { restricted: true });
    const board = async () => ((await api(b).get('/api/incidents').set(user.auth).expect(200)).body.items as { id: string }[]).map((i) => i.id);
    assert.ok((await board()).includes(restricted.id));
    await api(b).get(`/api/incidents/${restricted.id}`).set(user.auth).expect(200);
    await api(a).patch(`/api/users/${user.id}`).set(admin.auth).send({ roles: ['analyst'] }).expect(200);
    assert.ok(!(await board()).includes(restricted.id), 'the board no longer lists the restricted incident');
    await api(b).get(`/api/incidents/${restricted.id}`).set(user.auth).expect(404);
    await api(b).post('/api/rotas').set(user.auth).send({}).expect(403);
  });

  it('writes the name given on the other instance into what the user records next', async () => {
    const user = await a.user(['analyst'], 'Kari');
    await servedByB(user);
    await api(a).patch(`/api/users/${user.id}`).set(admin.auth).send({ name: 'Kari Nordmann' }).expect(200);
    const created = await buildIncident(b, user);
    assert.equal(created.createdBy.name, 'Kari Nordmann');
  });

  it('decides a socket event on the other instance from the roles and session as they are now', async () => {
    const user = await a.user(['analyst', 'manager']);
    const restricted = await buildIncident(a, manager, { restricted: true });
    const socket = await b.socket(user.token);
    assert.equal(socket.connected, true);
    assert.deepEqual(await watch(socket, restricted.id), { ok: true });
    await api(a).patch(`/api/users/${user.id}`).set(admin.auth).send({ roles: ['analyst'] }).expect(200);
    assert.equal((await watch(socket, restricted.id)).ok, false);
    await api(a).patch(`/api/users/${user.id}`).set(admin.auth).send({ active: false }).expect(200);
    const expired = nextEvent(socket, 'session:expired');
    socket.emit('incident:unwatch', { incidentId: restricted.id });
    await expired;
  });

  it('authenticates a request with one read once the actor is known, and with the session and user after a change', async () => {
    const user = await a.user(['analyst']);
    await buildIncident(a, user);
    const board = async () => {
      commands.length = 0;
      await api(b).get('/api/incidents').set(user.auth).expect(200);
      return AUTHENTICATION.map((collection) => commands.filter((c) => c === collection).length);
    };
    assert.deepEqual(await board(), [1, 1, 1], 'the first request reads the epoch, the session and the user');
    assert.deepEqual(await board(), [1, 0, 0], `once known, the epoch alone: ${commands.join(', ')}`);
    assert.deepEqual(await board(), [1, 0, 0]);
    await api(a).patch(`/api/users/${admin.id}`).set(admin.auth).send({ locale: 'en' }).expect(200);
    assert.deepEqual(await board(), [1, 1, 1], 'after any change to the actors, read again');
    assert.deepEqual(await board(), [1, 0, 0]);
  });
});
