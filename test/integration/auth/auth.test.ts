import assert from 'node:assert/strict';
import jwt from 'jsonwebtoken';
import { testService } from '../../support/factories.js';
import { api, nextEvent, PASSWORD, startTestService } from '../../support/service.js';
import { dropExpiredSockets } from '../../../server/realtime/socket-server.js';

const SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
const ISSUER = 'breach-clock';
const AUDIENCE = 'breach-clock-api';

function cookieFrom(res: { headers: Record<string, unknown> }): string {
  const cookies = res.headers['set-cookie'] as string[] | undefined;
  const refresh = cookies?.find((c) => c.startsWith('bc_refresh='));
  assert.ok(refresh, 'a refresh cookie is set');
  assert.match(refresh, /HttpOnly/);
  assert.match(refresh, /SameSite=Strict/);
  assert.match(refresh, /Path=\/api\/auth/);
  return refresh.split(';')[0]!;
}

describe('auth: sign-in, sessions and tokens', () => {
  const { svc, signedInAs } = testService();
  const admin = signedInAs('admin');
  const analyst = signedInAs('analyst');

  it('signs in and answers /me with roles and permissions', async () => {
    const res = await api(svc).post('/api/auth/login').send({ email: analyst.email.toUpperCase(), password: PASSWORD }).expect(200);
    assert.equal(res.body.user.email, analyst.email);
    assert.deepEqual(res.body.user.roles, ['analyst']);
    assert.ok(res.body.user.permissions.includes('incident:create'));
    assert.ok(!res.body.user.permissions.includes('notice:approve'));
    assert.equal(new Date(res.body.expiresAt).getTime() - svc.clock.now().getTime() <= 900_000, true);
    cookieFrom(res);
    const me = await api(svc).get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    assert.equal(me.body.id, analyst.id);
    assert.equal(JSON.stringify(me.body).includes('passwordHash'), false);
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const wrong = await api(svc).post('/api/auth/login').send({ email: analyst.email, password: 'not the password' }).expect(401);
    const unknown = await api(svc).post('/api/auth/login').send({ email: 'nobody@example.test', password: 'not the password' }).expect(401);
    assert.deepEqual(wrong.body.error, unknown.body.error);
  });

  it('refuses requests without a token', async () => {
    const res = await api(svc).get('/api/auth/me').expect(401);
    assert.equal(res.body.error.code, 'unauthorized');
  });

  it('refuses an expired token (by the injected clock)', async () => {
    const user = await svc.user(['analyst']);
    const fixed = { Authorization: `Bearer ${user.token}` };
    await api(svc).get('/api/auth/me').set(fixed).expect(200);
    svc.clock.advanceMs(901_000);
    try {
      await api(svc).get('/api/auth/me').set(fixed).expect(401);
    } finally {
      svc.clock.advanceMs(-901_000);
    }
  });

  it('refuses a token signed with another secret', async () => {
    const forged = jwt.sign({ sub: admin.id }, 'another-secret-another-secret-another-secret', { algorithm: 'HS256', issuer: ISSUER, audience: AUDIENCE, expiresIn: 600 });
    await api(svc).get('/api/auth/me').set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it('refuses alg: none', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const now = Math.floor(svc.clock.now().getTime() / 1000);
    const payload = Buffer.from(JSON.stringify({ sub: admin.id, iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 600 })).toString('base64url');
    await api(svc).get('/api/auth/me').set('Authorization', `Bearer ${header}.${payload}.`).expect(401);
  });

  it('refuses a switched algorithm with the right secret', async () => {
    const now = Math.floor(svc.clock.now().getTime() / 1000);
    const hs512 = jwt.sign({ sub: admin.id, iat: now, exp: now + 600 }, SECRET, { algorithm: 'HS512', issuer: ISSUER, audience: AUDIENCE });
    await api(svc).get('/api/auth/me').set('Authorization', `Bearer ${hs512}`).expect(401);
  });

  it('refuses a wrong audience and a wrong issuer', async () => {
    const now = Math.floor(svc.clock.now().getTime() / 1000);
    const claims = { sub: admin.id, iat: now, exp: now + 600 };
    const wrongAud = jwt.sign(claims, SECRET, { algorithm: 'HS256', issuer: ISSUER, audience: 'someone-else' });
    const wrongIss = jwt.sign(claims, SECRET, { algorithm: 'HS256', issuer: 'someone-else', audience: AUDIENCE });
    await api(svc).get('/api/auth/me').set('Authorization', `Bearer ${wrongAud}`).expect(401);
    await api(svc).get('/api/auth/me').set('Authorization', `Bearer ${wrongIss}`).expect(401);
  });

  it('refuses a valid token of a deactivated user and of a deleted user', async () => {
    const gone = await svc.user(['analyst']);
    const off = await svc.user(['analyst']);
    const offToken = { Authorization: `Bearer ${off.token}` };
    const goneToken = { Authorization: `Bearer ${gone.token}` };
    await api(svc).get('/api/auth/me').set(offToken).expect(200);
    await api(svc).patch(`/api/users/${off.id}`).set(admin.auth).send({ active: false }).expect(200);
    await api(svc).get('/api/auth/me').set(offToken).expect(401);
    await api(svc).delete(`/api/users/${gone.id}`).set(admin.auth).expect(204);
    await api(svc).get('/api/auth/me').set(goneToken).expect(401);
  });

  it('rotates refresh tokens, and reuse of a rotated one revokes the family', async () => {
    const login = await api(svc).post('/api/auth/login').send({ email: analyst.email, password: PASSWORD }).expect(200);
    const first = cookieFrom(login);
    const rotated = await api(svc).post('/api/auth/refresh').set('Cookie', first).send({}).expect(200);
    const second = cookieFrom(rotated);
    assert.notEqual(first, second);
    assert.ok(rotated.body.accessToken);

    const reuse = await api(svc).post('/api/auth/refresh').set('Cookie', first).send({}).expect(401);
    assert.equal(reuse.body.error.code, 'unauthorized');
    // The thief's replay also ended the legitimate session that descended from it.
    await api(svc).post('/api/auth/refresh').set('Cookie', second).send({}).expect(401);
    const entries = await svc.container.audit.list({ limit: 20, targetType: 'user', targetId: analyst.id });
    assert.ok(entries.some((e) => e.action === 'auth.refresh-reuse'));
  });

  it('answers a refresh with no refresh token 204 and no body or cookie (a signed-out dashboard loading), and a bad one 401', async () => {
    const none = await api(svc).post('/api/auth/refresh').send({}).expect(204);
    assert.equal(none.text, '');
    assert.equal(none.headers['set-cookie'], undefined, 'no session is started');
    await api(svc).post('/api/auth/refresh').set('Cookie', 'bc_refresh=not-a-token').send({}).expect(401);
    await api(svc).post('/api/auth/refresh').send({ refreshToken: 'x'.repeat(43) }).expect(401);
  });

  it('logs out: the refresh token no longer works', async () => {
    const login = await api(svc).post('/api/auth/login').send({ email: analyst.email, password: PASSWORD }).expect(200);
    const cookie = cookieFrom(login);
    await api(svc).post('/api/auth/logout').set('Cookie', cookie).send({}).expect(204);
    await api(svc).post('/api/auth/refresh').set('Cookie', cookie).send({}).expect(401);
  });

  it('keeps NoSQL operators out of the login query', async () => {
    const res = await api(svc).post('/api/auth/login').send({ email: { $ne: null }, password: { $ne: null } }).expect(400);
    assert.deepEqual(res.body.error.details.map((d: { path: string }) => d.path).sort(), ['email', 'password']);
    await api(svc).post('/api/auth/login').send({ email: analyst.email, password: { $gt: '' } }).expect(400);
  });

  it('locks an account after repeated failures, without telling whether it exists', async () => {
    const victim = await svc.user(['analyst']);
    for (let i = 0; i < 5; i++) {
      await api(svc).post('/api/auth/login').send({ email: victim.email, password: `wrong-${i}` }).expect(401);
    }
    const locked = await api(svc).post('/api/auth/login').send({ email: victim.email, password: PASSWORD }).expect(429);
    assert.equal(locked.body.error.code, 'rate_limited');
    for (let i = 0; i < 5; i++) {
      await api(svc).post('/api/auth/login').send({ email: 'ghost@example.test', password: `wrong-${i}` }).expect(401);
    }
    const ghost = await api(svc).post('/api/auth/login').send({ email: 'ghost@example.test', password: 'x' }).expect(429);
    assert.deepEqual(ghost.body.error, locked.body.error);
    svc.clock.advanceMs(16 * 60_000);
    await api(svc).post('/api/auth/login').send({ email: victim.email, password: PASSWORD }).expect(200);
  });

  it('limits attempts per address', async () => {
    const fresh = await startTestService();
    try {
      let last = 0;
      for (let i = 0; i < 31; i++) {
        last = (await api(fresh).post('/api/auth/login').send({ email: `user${i}@example.test`, password: 'wrong' })).status;
      }
      assert.equal(last, 429);
    } finally {
      await fresh.close();
    }
  });
});

describe('auth: authorisation and mass assignment', () => {
  const { svc, signedInAs } = testService();
  const admin = signedInAs('admin');
  const analyst = signedInAs('analyst');

  it('refuses an analyst on an admin-only route with 403', async () => {
    const res = await api(svc).get('/api/users').set(analyst.auth).expect(403);
    assert.equal(res.body.error.code, 'forbidden');
    await api(svc).post('/api/users').set(analyst.auth).send({ name: 'x', email: 'x@example.test', roles: ['admin'], password: PASSWORD }).expect(403);
  });

  it('refuses unknown body fields, so nobody sets roles or audit fields through them', async () => {
    const res = await api(svc).post('/api/auth/login').send({ email: analyst.email, password: PASSWORD, roles: ['admin'] }).expect(400);
    assert.match(JSON.stringify(res.body.error.details), /roles/);
    const create = await api(svc).post('/api/users').set(admin.auth)
      .send({ name: 'New', email: 'new@example.test', roles: ['analyst'], password: PASSWORD, createdAt: '2000-01-01', _id: 'x' })
      .expect(400);
    assert.match(JSON.stringify(create.body.error.details), /createdAt|_id/);
  });

  it('lets an admin manage users, with e-mail unique regardless of case', async () => {
    const created = await api(svc).post('/api/users').set(admin.auth)
      .send({ name: 'Kari Nordmann', email: 'Kari@Example.test', roles: ['dpo'], password: PASSWORD }).expect(201);
    assert.deepEqual(created.body.roles, ['dpo']);
    const dup = await api(svc).post('/api/users').set(admin.auth)
      .send({ name: 'Kari again', email: 'kari@example.TEST', roles: ['dpo'], password: PASSWORD }).expect(422);
    assert.deepEqual(dup.body.error.details, [{ path: 'email', message: 'finnes allerede', label: 'E-post' }]);
    const bad = await api(svc).post('/api/users').set(admin.auth).send({ name: '', email: 'nope', roles: ['king'], password: 'short' }).expect(400);
    assert.deepEqual(bad.body.error.details.map((d: { path: string }) => d.path).sort(), ['email', 'name', 'password', 'roles.0']);
  });

  it('lets an admin set and clear a user\'s phone, which the directory other roles read does not show', async () => {
    const created = (await api(svc).post('/api/users').set(admin.auth).send({ name: 'Per Vakt', email: 'per@example.test', roles: ['oncall'], password: PASSWORD }).expect(201)).body;
    assert.equal(created.phone, '');
    const set = await api(svc).patch(`/api/users/${created.id}`).set(admin.auth).send({ phone: ' +47 912 34 567 ' }).expect(200);
    assert.equal(set.body.phone, '+47 912 34 567');
    const listed = (await api(svc).get('/api/users').set(admin.auth).expect(200)).body.find((u: { id: string }) => u.id === created.id);
    assert.equal(listed.phone, '+47 912 34 567');
    const directory = (await api(svc).get('/api/users/directory').set(analyst.auth).expect(200)).body.find((u: { id: string }) => u.id === created.id);
    assert.deepEqual(Object.keys(directory).sort(), ['id', 'name', 'roles']);
    const tooLong = await api(svc).patch(`/api/users/${created.id}`).set(admin.auth).send({ phone: '1'.repeat(41) }).expect(400);
    assert.deepEqual(tooLong.body.error.details.map((d: { path: string; label: string }) => [d.path, d.label]), [['phone', 'Telefon']]);
    assert.equal((await api(svc).patch(`/api/users/${created.id}`).set(admin.auth).send({ phone: '' }).expect(200)).body.phone, '');
  });

  it('does not let an admin lock themselves out', async () => {
    const res = await api(svc).patch(`/api/users/${admin.id}`).set(admin.auth).send({ active: false }).expect(422);
    assert.equal(res.body.error.code, 'self_lockout');
  });
});

describe('auth: sockets', () => {
  const { svc, signedInAs } = testService();
  const analyst = signedInAs('analyst');

  it('refuses a socket without a token and with a bad token', async () => {
    const none = await svc.socket(undefined);
    assert.equal(none.connected, false);
    const bad = await svc.socket('not-a-token');
    assert.equal(bad.connected, false);
    const forged = await svc.socket(jwt.sign({ sub: analyst.id }, 'wrong-secret-wrong-secret-wrong-secret', { algorithm: 'HS256', issuer: ISSUER, audience: AUDIENCE, expiresIn: 600 }));
    assert.equal(forged.connected, false);
  });

  it('accepts a valid token and drops the socket when its token has expired', async () => {
    const user = await svc.user(['oncall']);
    const socket = await svc.socket(user.token);
    assert.equal(socket.connected, true);
    svc.clock.advanceMs(901_000);
    try {
      const expired = nextEvent(socket, 'session:expired');
      const dropped = nextEvent<string>(socket, 'disconnect');
      socket.emit('incident:unwatch', { incidentId: 'x' });
      await expired;
      assert.equal(await dropped, 'io server disconnect');
    } finally {
      svc.clock.advanceMs(-901_000);
    }
  });

  it('drops a silent socket whose token has expired at the next sweep', async () => {
    const user = await svc.user(['oncall']);
    const socket = await svc.socket(user.token);
    assert.equal(dropExpiredSockets(svc.io, svc.clock.now()), 0, 'nothing expired yet');
    assert.equal(socket.connected, true);
    const expired = nextEvent(socket, 'session:expired');
    const dropped = nextEvent<string>(socket, 'disconnect');
    assert.equal(dropExpiredSockets(svc.io, new Date(svc.clock.now().getTime() + 901_000)), 1);
    await expired;
    assert.equal(await dropped, 'io server disconnect');
  });

  it('drops the sockets of a user who is deactivated', async () => {
    const admin = await svc.user(['admin']);
    const user = await svc.user(['oncall']);
    const socket = await svc.socket(user.token);
    assert.equal(socket.connected, true);
    const dropped = nextEvent(socket, 'disconnect');
    await api(svc).patch(`/api/users/${user.id}`).set(admin.auth).send({ active: false }).expect(200);
    await dropped;
  });
});
