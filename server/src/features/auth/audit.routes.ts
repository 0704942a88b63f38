import { createRoute } from '@hono/zod-openapi';
import { AuditQuery, AuditResponse } from '../../contracts/auth';
import type { RouteDeps } from '../../lib/context';
import { createRouter } from '../../lib/openapi';

const route = createRoute({
  method: 'get',
  path: '/api/audit',
  summary: 'The audit log, newest first (admin; read-only — the table refuses updates and deletes)',
  request: { query: AuditQuery },
  responses: { 200: { description: 'Entries', content: { 'application/json': { schema: AuditResponse } } } },
});

export const auditRoutes = ({ db }: RouteDeps) =>
  createRouter().openapi(route, async (c) => {
    const q = c.req.valid('query');
    const rows = await db.query<{
      id: number;
      at: string;
      actor: string;
      action: string;
      entity: string;
      entityId: string;
      before: unknown;
      after: unknown;
    }>(
      `select id::float8 as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, actor, action,
              entity, entity_id as "entityId", before, after
         from audit_log
        where ($1::text is null or entity = $1) and ($2::text is null or actor = $2)
          and ($3::bigint is null or id < $3)
        order by id desc limit $4`,
      [q.entity ?? null, q.actor ?? null, q.before ?? null, q.limit],
    );
    return c.json({ rows }, 200);
  });
