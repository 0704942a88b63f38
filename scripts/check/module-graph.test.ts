import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleViolations } from './module-graph';

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

  it('the repository itself keeps the rules', () => {
    expect(moduleViolations(resolve(import.meta.dirname, '../..'))).toEqual([]);
  });
});
