import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { statementTimeoutError } from './db/engine';
import { auditRoutes } from './features/auth/audit.routes';
import { authRoutes } from './features/auth/auth.routes';
import { createSessionCache, csrfProtection, sessionMiddleware } from './features/auth/session-middleware';
import { usersRoutes } from './features/auth/users.routes';
import { boundariesRoutes } from './features/boundaries/boundaries.routes';
import { briefingsRoutes } from './features/briefings/briefings.routes';
import { configRoutes } from './features/config/config.routes';
import { exportsRoutes } from './features/exports/exports.routes';
import { healthRoutes } from './features/health/health.routes';
import { hotspotCountsRoutes } from './features/hotspots/hotspot-counts.routes';
import { hotspotRegisterRoutes } from './features/hotspots/hotspot-register.routes';
import { hotspotsRoutes } from './features/hotspots/hotspots.routes';
import { importsRoutes } from './features/imports/imports.routes';
import { indicatorsRoutes } from './features/indicators/indicators.routes';
import { jobsRoutes } from './features/jobs/jobs.routes';
import { patrolRoutes } from './features/patrol/patrol.routes';
import { plansRoutes } from './features/plans/plans.routes';
import { scorecardRoutes } from './features/plans/scorecard.routes';
import { publicRoutes } from './features/public/public.routes';
import { createReferenceCache } from './features/reference/reference-cache';
import { reportingRoutes } from './features/reporting/reporting.routes';
import { seriesRoutes } from './features/series/series.routes';
import { spatialStatsRoutes } from './features/spatial-stats/spatial-stats.routes';
import { statusRoutes } from './features/status/status.routes';
import { ruleProposalsRoutes } from './features/status-rules/rule-proposals.routes';
import { statusRulesRoutes } from './features/status-rules/status-rules.routes';
import { tilesRoutes } from './features/tiles/tiles.routes';
import { unitsRoutes } from './features/units/units.routes';
import { missingUnitsRoutes } from './features/values/missing-units.routes';
import { valuesRoutes } from './features/values/values.routes';
import { accessControl } from './lib/access';
import { privateResponsesUncached } from './lib/cache-control';
import { compressJson } from './lib/content-coding';
import type { AppDeps, RouteDeps } from './lib/context';
import { currentGenerations } from './lib/data-generations';
import { dataGuard } from './lib/data-guard';
import { ApiError, errorBody } from './lib/errors';
import { heavyRequests } from './lib/heavy-requests';
import { msg } from './lib/messages';
import { createRouter } from './lib/openapi';

/** The API: middleware, error shape, every feature's routes chained so their types reach the web client. */
export function createApp(appDeps: AppDeps) {
  const deps: RouteDeps = { ...appDeps, reference: createReferenceCache(appDeps.db) };
  const sessions = createSessionCache(appDeps.db);
  const app = createRouter();
  // Order matters: caches current, know who is calling, refuse forged writes, then decide whether the
  // route is theirs. Compression wraps them all, so every JSON answer (errors too) goes the same way.
  app.use('/api/*', compressJson());
  app.use('/api/*', currentGenerations(appDeps.db));
  app.use('/api/*', privateResponsesUncached());
  app.use('/api/*', requestSizeLimit());
  app.use('/api/*', refuseNulBytes());
  app.use('/api/*', sessionMiddleware(sessions));
  app.use('/api/*', csrfProtection(appDeps.origin));
  app.use('/api/*', accessControl());
  app.use('/api/*', dataGuard(appDeps.db));
  app.use('/api/*', heavyRequests());

  const routes = app
    .route('/', healthRoutes(deps))
    .route('/', authRoutes(deps, sessions))
    .route('/', usersRoutes(deps, sessions))
    .route('/', auditRoutes(deps))
    .route('/', configRoutes(deps))
    .route('/', unitsRoutes(deps))
    .route('/', boundariesRoutes(deps))
    .route('/', tilesRoutes(deps))
    .route('/', indicatorsRoutes(deps))
    .route('/', valuesRoutes(deps))
    .route('/', missingUnitsRoutes(deps))
    .route('/', statusRoutes(deps))
    .route('/', hotspotsRoutes(deps))
    .route('/', hotspotCountsRoutes(deps))
    .route('/', hotspotRegisterRoutes(deps))
    .route('/', spatialStatsRoutes(deps))
    .route('/', patrolRoutes(deps))
    .route('/', importsRoutes(deps))
    .route('/', plansRoutes(deps))
    .route('/', scorecardRoutes(deps))
    .route('/', statusRulesRoutes(deps))
    .route('/', ruleProposalsRoutes(deps))
    .route('/', seriesRoutes(deps))
    .route('/', jobsRoutes(deps))
    .route('/', publicRoutes(deps))
    .route('/', briefingsRoutes(deps))
    .route('/', reportingRoutes(deps))
    .route('/', exportsRoutes());

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'PCMT Atlas API',
      version: '1',
      description:
        'Drug-free communes, hotspots and drug-prevention indicators of Vietnam. Demo deployments serve synthetic data (meta.synthetic).',
    },
  });

  app.onError((err, c) => {
    if (err instanceof ApiError)
      return c.json(errorBody(err.code, err.message, err.field, err.messageCode), err.status);
    if (err instanceof HTTPException)
      return c.json(
        errorBody('http_error', msg('request.http_error', { status: err.status }), null),
        err.status,
      );
    const timedOut = statementTimeoutError(err);
    if (timedOut) return c.json(errorBody(timedOut.code, timedOut.message, null, timedOut.messageCode), 503);
    // Never leak internals: log for operators, answer with a generic message.
    console.error(`${c.req.method} ${c.req.path}:`, err);
    return c.json(errorBody('internal_error', msg('request.internal', {}), null), 500);
  });
  app.notFound((c) =>
    c.json(
      errorBody('not_found', msg('request.no_route', { method: c.req.method, path: c.req.path }), null),
      404,
    ),
  );

  return routes;
}

/**
 * Bodies above 1 MiB are refused with 413 before anything reads them; a table sent for XLSX export may be
 * the whole country's communes (10,600 before 2025) and gets 8 MiB; file imports set their own limit.
 */
const API_BODY_LIMIT = 1024 * 1024;
const EXPORT_BODY_LIMIT = 8 * 1024 * 1024;
function requestSizeLimit(): MiddlewareHandler {
  const limiter = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        c.json(errorBody('payload_too_large', msg('request.too_large', { bytes: maxSize }), null), 413),
    });
  const limit = limiter(API_BODY_LIMIT);
  const exportLimit = limiter(EXPORT_BODY_LIMIT);
  // GET and HEAD carry no body; skipping them also spares the node adapter from building a full Request
  // (reading `req.raw.body` does), which halved the throughput of warm tiles.
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.path.startsWith('/api/imports'))
      return next();
    return c.req.path.startsWith('/api/exports/') ? exportLimit(c, next) : limit(c, next);
  };
}

/**
 * PostgreSQL text cannot hold a NUL character, and a lone UTF-16 surrogate (`"\ud800"` in JSON) is no
 * character at all: refuse both up front as a bad parameter naming where it was (query, path, or the JSON
 * body's field, e.g. `views[0].title`), not a database error. The parsed body stays cached on the request,
 * so the route's validator reads it without parsing again.
 */
function refuseNulBytes(): MiddlewareHandler {
  return async (c, next) => {
    for (const [name, values] of Object.entries(c.req.queries())) {
      if (name.includes('\u0000') || values.some((v) => v.includes('\u0000'))) {
        return c.json(
          errorBody('invalid_parameter', msg('request.nul_character', { field: name }), name),
          400,
        );
      }
    }
    if (decodeURIComponentSafe(c.req.path).includes('\u0000')) {
      return c.json(
        errorBody('invalid_parameter', msg('request.nul_character', { field: 'path' }), 'path'),
        400,
      );
    }
    // File imports take multipart bodies only, under their own size limit: their streams are left unread.
    if (
      c.req.method !== 'GET' &&
      c.req.method !== 'HEAD' &&
      !c.req.path.startsWith('/api/imports') &&
      JSON_MEDIA_TYPE.test(c.req.header('content-type') ?? '')
    ) {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch (err) {
        // Malformed JSON is the validator's to answer; a body over the size limit is the limiter's.
        if (err instanceof SyntaxError) return next();
        throw err;
      }
      const bad = findUnstorableText(body, '');
      if (bad) {
        const field = bad.path || 'body';
        return c.json(
          errorBody(
            'invalid_parameter',
            msg('request.invalid_field', { field, problem: bad.problem }),
            field,
          ),
          400,
        );
      }
    }
    return next();
  };
}

const JSON_MEDIA_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'không được chứa ký tự NUL';
  if (LONE_SURROGATE.test(s)) return 'không được chứa nửa cặp thay thế UTF-16 lẻ (không phải một ký tự)';
  return null;
}

/** The first string (value or key) of a parsed JSON body that the database cannot store, with its path. */
function findUnstorableText(value: unknown, path: string): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const bad = findUnstorableText(item, `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyPath = /^[A-Za-z_$][\w$]*$/.test(key)
        ? `${path}${path ? '.' : ''}${key}`
        : `${path}[${JSON.stringify(key)}]`;
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: keyPath, problem: `tên khóa ${keyProblem}` };
      const bad = findUnstorableText(item, keyPath);
      if (bad) return bad;
    }
  }
  return null;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export type AppType = ReturnType<typeof createApp>;
