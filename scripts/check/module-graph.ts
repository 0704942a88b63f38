import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * `pnpm check:modules`: the module rules of ARCHITECTURE.md that a linter cannot state.
 * - Server feature folders (server/src/features/<name>) form no cycle: a feature may use another, never
 *   both ways (a cycle means the two are one feature, or a piece belongs in a shared module).
 * - No route file (*.routes.ts) imports another route file: routes compose in app.ts.
 * - Every SQL statement is in a repo: a file under server/src/features or server/src/lib that is not a
 *   `*.repo.ts` (nor a test, nor under testing/) calls `.query(` / `.exec(` with SQL text only when
 *   {@link SQL_OUTSIDE_REPOS} names it, with why. (server/src/db is the engine and the dataset loader.)
 * - The web's rooms (web/src): `lib/` imports only lib; `components/` lib and components; `entities/<name>/`
 *   lib, components and entities; `features/<name>/` lib, components, entities and its own folder — never
 *   another feature (pages compose in `app/`, which may import anything, like `main.tsx`). Entity folders
 *   form no cycle, as server features do not.
 * - The domain package (domain/src) imports only zod and its own files (its tests vitest and node:* too):
 *   never the server, data/, the web or another package.
 * - The server's public surface: outside server/, code imports `@pcmt/server` only through the entry points
 *   its package.json names (`./app`, `./http`, `./engine`, `./demo`, … — no wildcard such as `./features/*`),
 *   never a path into server/src; `@pcmt/server/bench` only from scripts/bench; data/ and domain/ not at all;
 *   web/ only the API's type (`import type { AppType } from '@pcmt/server/app'`).
 * Prints every violation with the import that makes it; exits 1 when there is one.
 */

function* sourceFiles(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'testing') yield* sourceFiles(path);
    } else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) yield path;
  }
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]/g;
/** `import('…')`: a lazily loaded module is a dependency too. */
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Relative imports of a file, resolved to paths (extension-less specifiers get .ts / .tsx / index.ts). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of [...text.matchAll(IMPORT), ...text.matchAll(DYNAMIC_IMPORT)]) {
    const spec = m[1] ?? '';
    if (!spec.startsWith('.')) continue;
    const base = resolve(dirname(file), spec);
    const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    });
    if (found) out.push(found);
  }
  return out;
}

/**
 * Files allowed to run SQL outside a repo, each with why. Paths relative to the checkout.
 */
export const SQL_OUTSIDE_REPOS: ReadonlyMap<string, string> = new Map([
  // Seeding of the demo dataset: bulk statements in the load transaction, as db/load-dataset.ts does.
  ['server/src/features/plans/seed-plans.ts', 'demo seeding (plans owner moves it with the plans service)'],
  ['server/src/features/reporting/demo.ts', 'demo seeding of the reporting cycle'],
  // Loads real boundaries from ../shared/data for benchmarks and tests, like db/load-dataset.ts.
  ['server/src/features/spatial-stats/real-boundaries.ts', 'fixture loader of real boundaries'],
  ['server/src/features/imports/testing.ts', 'test helper (counts rows of every table)'],
]);

/** `.query(` / `.exec(` (with type arguments or not) whose first argument is a string starting with SQL. */
const SQL_CALL =
  /\.(?:query|exec)\s*(?:<[^()]*?>)?\s*\(\s*['"`]\s*(?:select|insert|update|delete|with|lock|set|truncate|create|drop|alter|copy|analyze|vacuum|begin|commit|rollback|grant|revoke|do|call)\b/gi;

/** Lines (1-based) of `text` that run SQL text. */
export function sqlCallLines(text: string): number[] {
  const lines: number[] = [];
  for (const m of text.matchAll(SQL_CALL)) {
    const line = text.slice(0, m.index).split('\n').length;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}

/** Folder → folder → one import that makes the edge (for the message). */
type Edges = Map<string, Map<string, string>>;

function addEdge(edges: Edges, from: string, to: string, why: string) {
  let out = edges.get(from);
  if (!out) {
    out = new Map();
    edges.set(from, out);
  }
  if (!out.has(to)) out.set(to, why);
}

/**
 * Every cycle of a folder graph: each strongly connected component of more than one folder (Tarjan), as
 * `a, b` and the imports that link them, one per line.
 */
export function cyclesOf(edges: Edges): string[] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string) => {
    order.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!order.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, order.get(w) ?? 0));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component);
    }
  };
  for (const v of edges.keys()) if (!order.has(v)) connect(v);
  return components.map((component) => {
    const members = new Set(component);
    const links = component.flatMap((a) =>
      [...(edges.get(a) ?? [])].filter(([b]) => members.has(b)).map(([b, why]) => `    ${a} → ${b}: ${why}`),
    );
    return `${component.sort().join(', ')}\n${links.join('\n')}`;
  });
}

/** Every violation of the rules under `root` (a checkout), each with the import that makes it. */
export function moduleViolations(root: string): string[] {
  const violations: string[] = [];
  const featuresDir = join(root, 'server/src/features');
  const featureOf = (file: string) => {
    const rel = relative(featuresDir, file);
    return rel.startsWith('..') ? null : (rel.split('/')[0] ?? null);
  };

  /** feature → feature → one import that makes the edge (for the message). */
  const edges: Edges = new Map();
  for (const file of sourceFiles(join(root, 'server/src'))) {
    const from = featureOf(file);
    for (const target of importsOf(file)) {
      if (file.endsWith('.routes.ts') && target.endsWith('.routes.ts'))
        violations.push(
          `route file imports a route file: ${relative(root, file)} → ${relative(root, target)}`,
        );
      const to = featureOf(target);
      if (!from || !to || from === to) continue;
      addEdge(edges, from, to, `${relative(root, file)} → ${relative(root, target)}`);
    }
  }

  // SQL outside repos.
  for (const dir of ['server/src/features', 'server/src/lib']) {
    let files: string[];
    try {
      files = [...sourceFiles(join(root, dir))];
    } catch {
      continue;
    }
    for (const file of files) {
      const rel = relative(root, file);
      if (file.endsWith('.repo.ts') || SQL_OUTSIDE_REPOS.has(rel)) continue;
      const lines = sqlCallLines(readFileSync(file, 'utf8'));
      if (lines.length > 0)
        violations.push(`SQL outside a repo: ${rel}:${lines.join(',')} (move it to the slice's *.repo.ts)`);
    }
  }

  for (const cycle of cyclesOf(edges)) violations.push(`server features in a cycle: ${cycle}`);

  violations.push(...webViolations(root));
  violations.push(...serverSurfaceViolations(root));
  violations.push(...domainViolations(root));
  return violations;
}

/** Every .ts/.tsx file under `dir`, tests and test helpers included (build output and artifacts not). */
function* allSourceFiles(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!['node_modules', 'dist', 'artifacts'].includes(name) && !name.startsWith('.'))
        yield* allSourceFiles(path);
    } else if (/\.(ts|tsx)$/.test(name)) yield path;
  }
}

/** The subpaths `@pcmt/server` exports (`app`, `engine`, …); wildcards (`features/*`) included as written. */
function serverEntryPoints(root: string): string[] {
  const file = join(root, 'server/package.json');
  if (!existsSync(file)) return [];
  const exports =
    (JSON.parse(readFileSync(file, 'utf8')) as { exports?: Record<string, string> }).exports ?? {};
  return Object.keys(exports).map((key) => key.replace(/^\.\/?/, ''));
}

/** Imports of the server from outside it that bypass its named entry points (ARCHITECTURE.md, "Server"). */
function serverSurfaceViolations(root: string): string[] {
  const out: string[] = [];
  const entries = serverEntryPoints(root);
  for (const entry of entries.filter((e) => e.includes('*')))
    out.push(
      `server/package.json exports a wildcard "./${entry}": name an entry point (a file in server/src re-exporting what callers need)`,
    );
  const named = new Set(entries.filter((e) => !e.includes('*')));
  const serverSrc = join(root, 'server/src');
  for (const top of ['scripts', 'test', 'data', 'domain', 'web']) {
    for (const file of allSourceFiles(join(root, top))) {
      const rel = relative(root, file);
      const text = readFileSync(file, 'utf8');
      for (const m of [...text.matchAll(IMPORT), ...text.matchAll(DYNAMIC_IMPORT)]) {
        const spec = m[1] ?? '';
        if (spec.startsWith('.')) {
          if (!relative(serverSrc, resolve(dirname(file), spec)).startsWith('..'))
            out.push(
              `server internals imported by path: ${rel} → ${spec} (use an entry point of @pcmt/server)`,
            );
          continue;
        }
        if (spec !== '@pcmt/server' && !spec.startsWith('@pcmt/server/')) continue;
        const entry = spec.slice('@pcmt/server/'.length);
        if (top === 'data' || top === 'domain')
          out.push(`${top}/ imports the server: ${rel} → ${spec} (${top}/ must not depend on the server)`);
        else if (top === 'web' && (entry !== 'app' || !/^\s*(?:import|export)\s+type\s/.test(m[0])))
          out.push(
            `web imports server code: ${rel} → ${spec} (the browser takes only the API's type, \`import type { AppType } from '@pcmt/server/app'\`; shared rules go to @pcmt/domain)`,
          );
        else if (!named.has(entry))
          out.push(
            `not an entry point of @pcmt/server: ${rel} → ${spec} (use one of ${[...named].map((e) => `@pcmt/server/${e}`).join(', ')})`,
          );
        else if (entry === 'bench' && !rel.startsWith('scripts/bench/'))
          out.push(`@pcmt/server/bench is for scripts/bench only: ${rel}`);
      }
    }
  }
  return out;
}

/** Packages the domain may import: zod for its contracts (tests: vitest and node's own modules too). */
const DOMAIN_MAY_IMPORT = ['zod'];
const DOMAIN_TESTS_MAY_IMPORT = ['vitest'];

/**
 * The domain package is the bottom of the graph: server, web, scripts and data import it, so it imports
 * nothing of theirs — only zod and its own files (a test may use vitest and node:*). Otherwise a rule moved
 * there would drag the server or the demo generator into the browser.
 */
function domainViolations(root: string): string[] {
  const out: string[] = [];
  const domainDir = join(root, 'domain');
  for (const file of allSourceFiles(join(domainDir, 'src'))) {
    const rel = relative(root, file);
    const isTest = /\.test\.tsx?$/.test(file);
    const text = readFileSync(file, 'utf8');
    for (const m of [...text.matchAll(IMPORT), ...text.matchAll(DYNAMIC_IMPORT)]) {
      const spec = m[1] ?? '';
      if (spec.startsWith('.')) {
        if (relative(domainDir, resolve(dirname(file), spec)).startsWith('..'))
          out.push(`domain/ imports a file outside it: ${rel} → ${spec}`);
        continue;
      }
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? '');
      if (pkg === '@pcmt/domain' || DOMAIN_MAY_IMPORT.includes(pkg)) continue;
      if (isTest && (DOMAIN_TESTS_MAY_IMPORT.includes(pkg) || spec.startsWith('node:'))) continue;
      out.push(
        `domain/ imports ${spec}: ${rel} (the domain imports only zod and itself; the rule belongs where ${spec} is)`,
      );
    }
  }
  return out;
}

/** The room of a web file: `lib`, `components`, `entities/<name>`, `features/<name>` or `app` (the rest). */
function webRoom(webSrc: string, file: string): { kind: string; name: string } | null {
  const rel = relative(webSrc, file);
  if (rel.startsWith('..')) return null;
  const [top = '', name = ''] = rel.split('/');
  if (top === 'entities' || top === 'features') return { kind: top, name };
  if (top === 'lib' || top === 'components') return { kind: top, name: top };
  return { kind: 'app', name: 'app' };
}

/** What each room may import besides itself (app imports anything). */
const WEB_MAY_IMPORT: Record<string, string[]> = {
  lib: ['lib'],
  components: ['lib', 'components'],
  entities: ['lib', 'components', 'entities'],
  features: ['lib', 'components', 'entities'],
};

/** Imports that cross the web's rooms the wrong way (ARCHITECTURE.md, "Web"). */
function webViolations(root: string): string[] {
  const webSrc = join(root, 'web/src');
  const out: string[] = [];
  /** entity → entity: entities may use each other, never both ways round (see cyclesOf). */
  const entityEdges: Edges = new Map();
  for (const file of sourceFiles(webSrc)) {
    const from = webRoom(webSrc, file);
    if (!from || from.kind === 'app') continue;
    for (const target of importsOf(file)) {
      const to = webRoom(webSrc, target);
      if (!to) continue;
      if (to.kind === from.kind && to.name === from.name) continue;
      if (from.kind === 'entities' && to.kind === 'entities')
        addEdge(entityEdges, from.name, to.name, `${relative(root, file)} → ${relative(root, target)}`);
      if (WEB_MAY_IMPORT[from.kind]?.includes(to.kind)) continue;
      const why =
        from.kind === 'features' && to.kind === 'features'
          ? 'a feature imports another feature (compose them in web/src/app/, or move the shared part to entities/)'
          : `${from.kind}/ may not import ${to.kind === 'app' ? 'app/' : `${to.kind}/`}`;
      out.push(`web: ${why}: ${relative(root, file)} → ${relative(root, target)}`);
    }
  }
  for (const cycle of cyclesOf(entityEdges)) out.push(`web entities in a cycle: ${cycle}`);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const violations = moduleViolations(resolve(import.meta.dirname, '../..'));
  if (violations.length > 0) {
    console.error(
      `module rules: ${violations.length} violation(s)\n${violations.map((v) => `- ${v}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(
    'module rules: no cycle between server features nor web entities, no route file importing another, no SQL outside repos, web rooms kept, server used through its entry points',
  );
}
