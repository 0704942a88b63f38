import { createRoute } from '@hono/zod-openapi';
import { AuditQuery, AuditResponse } from '@pcmt/domain/contracts/auth';
import { listAuditEntries } from '../../lib/audit.repo';
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
    const rows = await listAuditEntries(db, {
      entity: q.entity ?? null,
      actor: q.actor ?? null,
      before: q.before ?? null,
      limit: q.limit,
    });
    return c.json({ rows }, 200);
  });
