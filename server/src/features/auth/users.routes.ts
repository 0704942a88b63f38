import { createRoute } from '@hono/zod-openapi';
import { UserBody, UserPatch, UserRow, UsersResponse } from '@pcmt/domain/contracts/auth';
import { IdParam } from '@pcmt/domain/contracts/common';
import { actorOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import type { RouteDeps } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse } from '../../lib/openapi';
import type { SessionCache } from './session-middleware';
import { endOtherSessions } from './sessions.repo';
import { createUser, getUser, listUsers, updateUser } from './users.repo';

const listRoute = createRoute({
  method: 'get',
  path: '/api/users',
  summary: 'Accounts (admin)',
  responses: { 200: { description: 'Accounts', content: { 'application/json': { schema: UsersResponse } } } },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/api/users',
  summary: 'Create an account (admin)',
  request: { body: { content: { 'application/json': { schema: UserBody } }, required: true } },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: UserRow } } },
    400: errorResponse('Bad body'),
  },
});

const patchUserRoute = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  summary: 'Change an account: name, role, jurisdiction, active, password (admin)',
  request: {
    params: IdParam,
    body: { content: { 'application/json': { schema: UserPatch } }, required: true },
  },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: UserRow } } },
    400: errorResponse('Bad body'),
    404: errorResponse('No such account'),
    409: errorResponse('The change would leave no active administrator'),
  },
});

export const usersRoutes = ({ db }: RouteDeps, sessions: SessionCache) =>
  createRouter()
    .openapi(listRoute, async (c) => c.json({ rows: await listUsers(db) }, 200))
    .openapi(createUserRoute, async (c) => {
      const body = c.req.valid('json');
      const created = await db.transaction(async (tx) => {
        const user = await createUser(tx, body);
        await recordAudit(tx, {
          actor: actorOf(c),
          action: 'create',
          entity: 'user',
          entityId: user.id,
          after: user,
        });
        return user;
      });
      return c.json(created, 201);
    })
    .openapi(patchUserRoute, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const after = await db.transaction(async (tx) => {
        const before = await getUser(tx, id);
        if (!before) throw notFound('id', msg('auth.no_account', { field: 'id', id }));
        const changed = await updateUser(tx, before, body);
        // A new password, role or jurisdiction, or a disabled account: existing sessions must not keep the old rights.
        await endOtherSessions(tx, id, null);
        await recordAudit(tx, {
          actor: actorOf(c),
          action: 'update',
          entity: 'user',
          entityId: id,
          before,
          after: { ...changed, ...(body.password !== undefined ? { passwordChanged: true } : {}) },
        });
        return changed;
      });
      sessions.evict({ userId: id });
      return c.json(after, 200);
    });
