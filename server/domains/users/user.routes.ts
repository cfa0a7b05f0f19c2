import { z } from 'zod';
import { can, route, type AnyRoute } from '../../http/route.js';
import type { Actor } from '../access/actor.js';
import { auditContext } from '../audit/audit.context.js';
import { presentUser } from './user.presenter.js';
import { CreateUser, SetPassword, UpdateUser, UserIdParams, UserView } from './user.schemas.js';
import type { UserService } from './user.service.js';

export function userRoutes(users: UserService): AnyRoute[] {
  const manage = can('user:manage');
  return [
    route<Actor>({
      method: 'get', path: '/users', summary: 'Every user', tag: 'users', access: manage, response: z.array(UserView),
      handle: async () => (await users.list()).map(presentUser),
    }),
    route<Actor>({
      method: 'get', path: '/users/directory', summary: 'Active users by name and role, for choosing owners and rota members', tag: 'users',
      access: can('incident:read'),
      handle: async () => (await users.list()).filter((u) => u.active).map((u) => ({ id: String(u._id), name: u.name, roles: u.roles })),
    }),
    route<Actor, typeof CreateUser>({
      method: 'post', path: '/users', summary: 'Create a user', tag: 'users', access: manage, body: CreateUser, status: 201, response: UserView,
      handle: async ({ body, req, actor }) => presentUser(await users.create(auditContext(req, actor), body)),
    }),
    route<Actor, undefined, undefined, typeof UserIdParams>({
      method: 'get', path: '/users/:id', summary: 'One user', tag: 'users', access: manage, params: UserIdParams, response: UserView,
      handle: async ({ params }) => presentUser(await users.get(params.id)),
    }),
    route<Actor, typeof UpdateUser, undefined, typeof UserIdParams>({
      method: 'patch', path: '/users/:id', summary: 'Change name, roles or active flag', tag: 'users', access: manage,
      params: UserIdParams, body: UpdateUser, response: UserView,
      handle: async ({ params, body, req, actor }) => presentUser(await users.update(auditContext(req, actor), params.id, body)),
    }),
    route<Actor, typeof SetPassword, undefined, typeof UserIdParams>({
      method: 'put', path: '/users/:id/password', summary: "Set a user's password (their sessions end)", tag: 'users', access: manage,
      params: UserIdParams, body: SetPassword,
      handle: async ({ params, body, req, actor }) => {
        await users.setPassword(auditContext(req, actor), params.id, body.password);
        return undefined;
      },
    }),
    route<Actor, undefined, undefined, typeof UserIdParams>({
      method: 'delete', path: '/users/:id', summary: 'Delete a user (their sessions end; audit entries stay)', tag: 'users', access: manage,
      params: UserIdParams,
      handle: async ({ params, req, actor }) => {
        await users.remove(auditContext(req, actor), params.id);
        return undefined;
      },
    }),
  ];
}
