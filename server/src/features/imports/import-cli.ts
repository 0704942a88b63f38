import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../../db/engine';
import { ApiError } from '../../lib/errors';
import { runGeoCommand } from './import-cli-geo';
import { describeProblem, ImportRejected } from './import-problem';
import { commitValuesImport, previewValuesImport, ValuesImportRejected } from './values-import';

export const CLI_USAGE = `usage:
  pnpm import values FILE --period 2026-Q3 [--scope 01] [--choices '{"tan phong":"03979"}'] [--dry-run]
  pnpm import boundaries FILE --valid-from 2025-07-01 [--decree 1656/NQ-UBTVQH15 --decree-date 2025-06-16] [--replace] [--level commune|province] [--crs EPSG:3405|VN2000-TM3:105.5] [--no-crosswalk] [--dry-run]
    (the file holds the units that changed; the others carry over. --replace: the file is the whole set)
  pnpm import crosswalk FILE.csv --at 2025-07-01 [--level commune|province]
  pnpm import crosswalk --area --at 2025-07-01 [--level commune|province]`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Actor written in the audit log for command-line imports: the operator's login name. */
const cliActor = () => `cli:${process.env.USER ?? 'operator'}`;

/**
 * `pnpm import …`: the same imports as the app, against the same database. Problems are printed one per line
 * naming file, sheet, row and column; the exit code is 1 and nothing is written.
 * @returns the process exit code.
 */
export async function runImportCli(db: Database, argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n${CLI_USAGE}`);
    return 2;
  }
  const { command, file, values } = parsed;
  try {
    if (command === 'values') {
      if (!file) throw new UsageError('values: give the report file');
      if (!values.period) throw new UsageError('values: --period is required (e.g. --period 2026-Q3)');
      const input = {
        fileName: basename(file),
        bytes: await readInput(file),
        period: values.period,
        scope: values.scope ?? null,
        actor: cliActor(),
        ...(values.choices ? { choices: parseChoices(values.choices) } : {}),
      };
      const result = values['dry-run']
        ? { ...(await previewValuesImport(db, input)), importId: null }
        : await commitValuesImport(db, input);
      io.out(
        `${input.fileName}: ${result.values} values for ${result.period}: ${result.added} added, ${result.changed} changed, ${result.unchanged} unchanged` +
          (values['dry-run']
            ? ' (dry run: nothing written)'
            : result.importId === null
              ? ' (nothing to write)'
              : ` → import #${result.importId}`),
      );
      return 0;
    }
    return await runGeoCommand(db, command, file, values, io, cliActor());
  } catch (err) {
    return reportFailure(err, io);
  }
}

export class UsageError extends Error {}

function parseChoices(text: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      Object.values(parsed).every((v) => typeof v === 'string')
    ) {
      return parsed as Record<string, string>;
    }
  } catch {
    // Reported below.
  }
  throw new UsageError('--choices must be a JSON object of name → unit code, e.g. \'{"tan phong":"03979"}\'');
}

function reportFailure(err: unknown, io: CliIo): number {
  if (err instanceof ImportRejected) {
    for (const p of err.problems) io.err(describeProblem(err.fileName, p));
    if (err instanceof ValuesImportRejected && err.problems.length > 0) {
      for (const a of err.ambiguous) {
        io.err(
          `${err.fileName}: unit name "${a.name}" fits ${a.candidates.map((c) => c.code).join(', ')}: give its code`,
        );
      }
    }
    io.err(
      `${err.fileName}: not imported (${err.problems.length} problem${err.problems.length === 1 ? '' : 's'}); nothing was changed`,
    );
    return 1;
  }
  if (err instanceof ApiError || err instanceof UsageError) {
    io.err(`${err.message}\nnothing was changed`);
    return err instanceof UsageError ? 2 : 1;
  }
  throw err;
}

export async function readInput(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (err) {
    throw new UsageError(
      `${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
}

function parse(argv: readonly string[]) {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      period: { type: 'string' },
      scope: { type: 'string' },
      choices: { type: 'string' },
      'valid-from': { type: 'string' },
      level: { type: 'string' },
      crs: { type: 'string' },
      at: { type: 'string' },
      area: { type: 'boolean' },
      'no-crosswalk': { type: 'boolean' },
      replace: { type: 'boolean' },
      decree: { type: 'string' },
      'decree-date': { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
  const [command, file] = positionals;
  if (command === 'values' || command === 'boundaries' || command === 'crosswalk') {
    return { command: command as 'values' | 'boundaries' | 'crosswalk', file, values };
  }
  throw new UsageError(`unknown command ${command ?? '(none)'}`);
}

export type CliOptions = ReturnType<typeof parse>['values'];
