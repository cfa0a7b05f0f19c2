import assert from 'node:assert/strict';
import jwt from 'jsonwebtoken';
import { testService } from '../../support/factories.js';
import { api, nextEvent, PASSWORD } from '../../support/service.js';

const SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

const refreshCookie = (res: { headers: Record<string, unknown> }) =>
  (res.headers['set-cookie'] as string[]).find((c) => c.startsWith('bc_refresh='))!.split(';')[0]!;

describe('security: an access token ends with its session', () => {
  const { svc, signedInAs } = testService();
  const admin = signedInAs('admin');

  const signIn = async (email: string, password = PASSWORD) => {
    const res = await api(svc).post('/api/auth/login').send({ email, password }).expect(200);
    return { token: res.body.accessToken as string, cookie: refreshCookie(res) };
  };
  const me = (token: string) => api(svc).get('/api/auth/me').set('Authorization', `Bearer ${token}`);

  it('refuses the access token and drops its socket at once after sign-out', async () => {
    const user = await svc.user(['analyst']);
    const session = await signIn(user.email);
    const other = await signIn(user.email);
    await me(session.token).expect(200);
    const socket = await svc.socket(session.token);
    assert.equal(socket.connected, true);
    const dropped = nextEvent(socket, 'disconnect');
    await api(svc).post('/api/auth/logout').set('Cookie', session.cookie).send({}).expect(204);
    await dropped;
    const res = await me(session.token).expect(401);
    assert.equal(res.body.error.code, 'unauthorized');
    await me(other.token).expect(200);
  });

  it('ends every other session when a user changes their password, and keeps the one that changed it', async () => {
    const user = await svc.user(['analyst']);
    const here = await signIn(user.email);
    const elsewhere = await signIn(user.email);
    await api(svc).post('/api/auth/password').set('Authorization', `Bearer ${here.token}`).send({ currentPassword: PASSWORD, newPassword: 'another long password' }).expect(204);
    await me(elsewhere.token).expect(401);
    await me(here.token).expect(200);
    await api(svc).post('/api/auth/refresh').set('Cookie', elsewhere.cookie).send({}).expect(401);
  });

  it('refuses the access token of a session revoked for refresh-token reuse', async () => {
    const user = await svc.user(['analyst']);
    const session = await signIn(user.email);
    const rotated = await api(svc).post('/api/auth/refresh').set('Cookie', session.cookie).send({}).expect(200);
    await me(rotated.body.accessToken).expect(200);
    await api(svc).post('/api/auth/refresh').set('Cookie', session.cookie).send({}).expect(401);
    await me(rotated.body.accessToken).expect(401);
    await me(session.token).expect(401);
  });

  it('does not bring old tokens back when a deactivated user is reactivated', async () => {
    const user = await svc.user(['analyst']);
    const session = await signIn(user.email);
    await api(svc).patch(`/api/users/${user.id}`).set(admin.auth).send({ active: false }).expect(200);
    await api(svc).patch(`/api/users/${user.id}`).set(admin.auth).send({ active: true }).expect(200);
    await me(session.token).expect(401);
    await me((await signIn(user.email)).token).expect(200);
  });

  it('refuses a validly signed token that names no session, or another user\'s', async () => {
    const user = await svc.user(['analyst']);
    const now = Math.floor(svc.clock.now().getTime() / 1000);
    const sign = (claims: Record<string, unknown>) => jwt.sign({ sub: user.id, iat: now, exp: now + 600, ...claims }, SECRET, { algorithm: 'HS256', issuer: 'breach-clock', audience: 'breach-clock-api' });
    await me(sign({})).expect(401);
    await me(sign({ sid: admin.sessionId })).expect(401);
    await me(sign({ sid: user.sessionId })).expect(200);
  });
});
