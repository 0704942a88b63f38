import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleViolations, SQL_OUTSIDE_REPOS } from './module-graph';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pcmt-modules-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('module rules', () => {
  it('finds a cycle between two server features and names the imports', () => {
    const root = tree({
      'server/src/features/plans/plan-progress.ts':
        "import { x } from '../scorecard/card';\nexport const y = x;\n",
      'server/src/features/scorecard/card.ts':
        "import type { P } from '../plans/plans.repo';\nexport const x = 1;\n",
      'server/src/features/plans/plans.repo.ts': 'export type P = 1;\n',
    });
    const found = moduleViolations(root);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('server features in a cycle: plans, scorecard');
    expect(found[0]).toContain(
      'server/src/features/scorecard/card.ts → server/src/features/plans/plans.repo.ts',
    );
  });

  it('finds a route file importing another route file', () => {
    const root = tree({
      'server/src/features/a/a.routes.ts': "import { b } from '../b/b.routes';\nexport const a = b;\n",
      'server/src/features/b/b.routes.ts': 'export const b = 1;\n',
    });
    expect(moduleViolations(root)).toEqual([
      'route file imports a route file: server/src/features/a/a.routes.ts → server/src/features/b/b.routes.ts',
    ]);
  });

  it('finds a web feature importing another feature, and lets it use entities and its own folder', () => {
    const root = tree({
      'web/src/features/plans/plan-page.tsx':
        "import { a } from '../../entities/units/units';\nimport { b } from './lib/b';\nimport '../compare/compare.css';\nexport const p = a + b;\n",
      'web/src/features/plans/lib/b.ts': 'export const b = 1;\n',
      'web/src/features/compare/compare.css': '.x {}\n',
      'web/src/entities/units/units.ts': 'export const a = 1;\n',
      'web/src/app/pages.ts':
        "export const pages = [() => import('../features/plans/plan-page'), () => import('../features/compare/page')];\n",
      'web/src/features/compare/page.tsx': "export const lazyPlans = () => import('../plans/lib/b');\n",
    });
    expect(moduleViolations(root).sort()).toEqual([
      'web: a feature imports another feature (compose them in web/src/app/, or move the shared part to entities/): web/src/features/compare/page.tsx → web/src/features/plans/lib/b.ts',
      'web: a feature imports another feature (compose them in web/src/app/, or move the shared part to entities/): web/src/features/plans/plan-page.tsx → web/src/features/compare/compare.css',
    ]);
  });

  it('finds entities, components and lib importing the rooms above them', () => {
    const root = tree({
      'web/src/entities/units/units.ts': "import { f } from '../../features/plans/f';\nexport const u = f;\n",
      'web/src/components/map/map.ts':
        "import { u } from '../../entities/units/units';\nexport const m = u;\n",
      'web/src/lib/api.ts': "import { m } from '../components/map/map';\nexport const l = m;\n",
      'web/src/features/plans/f.ts': "import { pages } from '../../app/pages';\nexport const f = pages;\n",
      'web/src/app/pages.ts': 'export const pages = 1;\n',
    });
    expect(moduleViolations(root).sort()).toEqual([
      'web: components/ may not import entities/: web/src/components/map/map.ts → web/src/entities/units/units.ts',
      'web: entities/ may not import features/: web/src/entities/units/units.ts → web/src/features/plans/f.ts',
      'web: features/ may not import app/: web/src/features/plans/f.ts → web/src/app/pages.ts',
      'web: lib/ may not import components/: web/src/lib/api.ts → web/src/components/map/map.ts',
    ]);
  });

  it('finds a cycle between web entity folders, and lets one entity use another one way', () => {
    const root = tree({
      'web/src/entities/units/units.ts':
        "import { period } from '../periods/periods';\nexport const unit = period;\n",
      'web/src/entities/periods/periods.ts': 'export const period = 1;\n',
      'web/src/entities/table/table.ts': "import { unit } from '../units/units';\nexport const t = unit;\n",
    });
    expect(moduleViolations(root)).toEqual([]);
    writeFileSync(
      join(root, 'web/src/entities/periods/periods.ts'),
      "import type { t } from '../table/table';\nexport const period = 1 as typeof t;\n",
    );
    const found = moduleViolations(root);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('web entities in a cycle: periods, table, units');
    expect(found[0]).toContain('web/src/entities/periods/periods.ts → web/src/entities/table/table.ts');
    expect(found[0]).toContain('web/src/entities/units/units.ts → web/src/entities/periods/periods.ts');
  });

  it('finds SQL run outside a repo in server features and lib, and names the lines', () => {
    const root = tree({
      'server/src/features/a/a.routes.ts':
        "export async function f(db) {\n  const x = /^(\\d+)$/.exec('1');\n  const q = c.req.query('at');\n" +
        '  return db.query<{ id: number; n: Array<number> }>(\n    `select id from t where a = $1`, [x, q]);\n}\n',
      'server/src/features/a/a.repo.ts': "export const g = (db) => db.query('select 1');\n",
      'server/src/features/a/a.db.test.ts': "export const t = (db) => db.query('select 1');\n",
      'server/src/features/a/testing/load.ts':
        "export const l = (db) => db.exec('insert into t values (1)');\n",
      'server/src/lib/audit.ts': 'export const h = (tx) => tx.exec(\n  "update t set a = 1");\n',
      'server/src/db/load.ts': "export const d = (db) => db.exec('vacuum analyze');\n",
    });
    expect(moduleViolations(root).sort()).toEqual([
      "SQL outside a repo: server/src/features/a/a.routes.ts:4 (move it to the slice's *.repo.ts)",
      "SQL outside a repo: server/src/lib/audit.ts:1 (move it to the slice's *.repo.ts)",
    ]);
  });

  it('lets the files listed with a reason keep their SQL', () => {
    const [listed] = [...SQL_OUTSIDE_REPOS.keys()];
    expect(listed).toBeDefined();
    const root = tree({ [listed ?? '']: "export const s = (tx) => tx.query('select 1');\n" });
    expect(moduleViolations(root)).toEqual([]);
  });

  it('finds server internals imported from outside the server, and lets its named entry points through', () => {
    const root = tree({
      'server/package.json': JSON.stringify({
        name: '@pcmt/server',
        exports: {
          './app': './src/app.ts',
          './engine': './src/engine.ts',
          './bench': './src/bench.ts',
          './features/*': './src/features/*.ts',
        },
      }),
      'server/src/engine.ts': 'export const openDatabase = 1;\n',
      'scripts/seed.ts':
        "import { openDatabase } from '@pcmt/server/engine';\nimport { seedDemo } from '@pcmt/server/features/demo/seed';\nexport const s = [openDatabase, seedDemo];\n",
      'scripts/bench/tiles.ts': "import { encode } from '@pcmt/server/bench';\nexport const b = encode;\n",
      'test/e2e/login.e2e.test.ts':
        "import { DEMO_PASSWORD } from '../../server/src/features/auth/demo-accounts';\nimport { encode } from '@pcmt/server/bench';\nexport const p = [DEMO_PASSWORD, encode];\n",
      'data/src/demo/generate.ts':
        "import type { Database } from '@pcmt/server/engine';\nexport type D = Database;\n",
      'web/src/lib/api-client.ts':
        "import type { AppType } from '@pcmt/server/app';\nexport type A = AppType;\n",
      'web/src/features/patrol/page.tsx':
        "import { createApp } from '@pcmt/server/app';\nexport const c = createApp;\n",
    });
    expect(moduleViolations(root).sort()).toEqual([
      '@pcmt/server/bench is for scripts/bench only: test/e2e/login.e2e.test.ts',
      'data/ imports the server: data/src/demo/generate.ts → @pcmt/server/engine (data/ must not depend on the server)',
      'not an entry point of @pcmt/server: scripts/seed.ts → @pcmt/server/features/demo/seed (use one of @pcmt/server/app, @pcmt/server/engine, @pcmt/server/bench)',
      'server internals imported by path: test/e2e/login.e2e.test.ts → ../../server/src/features/auth/demo-accounts (use an entry point of @pcmt/server)',
      'server/package.json exports a wildcard "./features/*": name an entry point (a file in server/src re-exporting what callers need)',
      "web imports server code: web/src/features/patrol/page.tsx → @pcmt/server/app (the browser takes only the API's type, `import type { AppType } from '@pcmt/server/app'`; shared rules go to @pcmt/domain)",
    ]);
  });

  it('finds the domain importing anything but zod and itself', () => {
    const root = tree({
      'domain/src/rules.ts':
        "import { z } from 'zod';\nimport { STATUS_ORDER } from './status-classes';\nimport { QD_28 } from '@pcmt/data/demo/status-rules';\nimport { hash } from 'node:crypto';\nexport const r = [z, STATUS_ORDER, QD_28, hash];\n",
      'domain/src/status-classes.ts':
        "import type { DemoRules } from '../../data/src/demo/evaluate-status';\nexport type P = DemoRules;\n",
      'domain/src/rules.test.ts':
        "import { it } from 'vitest';\nimport { readFileSync } from 'node:fs';\nimport { r } from '@pcmt/domain/rules';\nexport const t = [it, readFileSync, r];\n",
    });
    expect(moduleViolations(root).sort()).toEqual([
      'domain/ imports @pcmt/data/demo/status-rules: domain/src/rules.ts (the domain imports only zod and itself; the rule belongs where @pcmt/data/demo/status-rules is)',
      'domain/ imports a file outside it: domain/src/status-classes.ts → ../../data/src/demo/evaluate-status',
      'domain/ imports node:crypto: domain/src/rules.ts (the domain imports only zod and itself; the rule belongs where node:crypto is)',
    ]);
  });

  it('the repository itself keeps the rules', () => {
    expect(moduleViolations(resolve(import.meta.dirname, '../..'))).toEqual([]);
  });
});
