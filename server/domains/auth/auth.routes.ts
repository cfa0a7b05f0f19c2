import type { Request, Response } from 'express';
import { publicAccess, route, signedIn, type AnyRoute } from '../../http/route.js';
import { presentSelf } from '../users/user.presenter.js';
import { ChangeOwnPassword } from '../users/user.schemas.js';
import type { UserService } from '../users/user.service.js';
import { LoginBody, RefreshBody, SessionView } from './auth.schemas.js';
import type { Actor, AuthService, Session } from './auth.service.js';
import { auditContext } from './guard.js';

export const REFRESH_COOKIE = 'bc_refresh';

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function sendSession(res: Response, session: Session, secure: boolean) {
  res.cookie(REFRESH_COOKIE, session.refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/api/auth',
    expires: session.refreshExpiresAt,
  });
  return { accessToken: session.accessToken, expiresAt: session.expiresAt.toISOString(), user: presentSelf(session.user) };
}

export function authRoutes(auth: AuthService, users: UserService, secureCookies: boolean): AnyRoute[] {
  return [
    route({
      method: 'post', path: '/auth/login', summary: 'Sign in with e-mail and password', tag: 'auth', access: publicAccess,
      body: LoginBody, response: SessionView,
      handle: async ({ body, req, res }) => sendSession(res, await auth.login(auditContext(req), body.email, body.password), secureCookies),
    }),
    route({
      method: 'post', path: '/auth/refresh', summary: 'Trade the refresh token (cookie or body) for a new session; 204 when none is presented (nobody is signed in)', tag: 'auth',
      access: publicAccess, body: RefreshBody, response: SessionView,
      handle: async ({ body, req, res }) => {
        const presented = body.refreshToken ?? readCookie(req, REFRESH_COOKIE);
        // A dashboard loaded while signed out asks too: no session is not an error, and says nothing an attacker lacks.
        if (!presented) return undefined;
        return sendSession(res, await auth.refresh(auditContext(req), presented), secureCookies);
      },
    }),
    route({
      method: 'post', path: '/auth/logout', summary: 'End the session: the refresh token family is revoked', tag: 'auth',
      access: publicAccess, body: RefreshBody,
      handle: async ({ body, req, res }) => {
        await auth.logout(auditContext(req), body.refreshToken ?? readCookie(req, REFRESH_COOKIE));
        res.clearCookie(REFRESH_COOKIE, { path: '/api/auth', httpOnly: true, sameSite: 'strict', secure: secureCookies });
        return undefined;
      },
    }),
    route<Actor>({
      method: 'get', path: '/auth/me', summary: 'The signed-in user, with the permissions their roles grant', tag: 'auth', access: signedIn,
      handle: async ({ actor }) => presentSelf(await users.get(actor.id)),
    }),
    route<Actor, typeof ChangeOwnPassword>({
      method: 'post', path: '/auth/password', summary: 'Change your own password (other sessions end)', tag: 'auth',
      access: signedIn, body: ChangeOwnPassword,
      handle: async ({ body, actor, req }) => {
        await auth.changeOwnPassword(auditContext(req, actor), actor, body.currentPassword, body.newPassword);
        return undefined;
      },
    }),
  ];
}
