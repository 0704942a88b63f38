import type { Queryable } from '../db/engine';

/**
 * Adds one to the generation of each kind (sorted, distinct: rows are locked in one order, so two writers
 * of overlapping kinds cannot deadlock), creating the rows of kinds never bumped.
 */
export async function bumpGenerations(tx: Queryable, sortedKinds: readonly string[]): Promise<void> {
  await tx.query(
    `insert into data_generations (kind, generation, changed_at)
     select k, 1, now() from unnest($1::text[]) as k order by k
     on conflict (kind) do update set generation = data_generations.generation + 1, changed_at = now()`,
    [sortedKinds],
  );
}

export async function selectGenerations(db: Queryable): Promise<{ kind: string; generation: number }[]> {
  return db.query<{ kind: string; generation: number }>(
    `select kind, generation::float8 as generation from data_generations`,
  );
}
