import type { UnitVersion } from '@pcmt/domain/contracts/units';
import type { z } from 'zod';
import type { Queryable } from '../../db/engine';

/**
 * The legal acts behind versions that come with the dataset rather than through a boundary import. The
 * 2025 reorganisation: Nghị quyết 202/2025/QH15 of 12/6/2025 (provinces, in force 1/7/2025) and the
 * Standing Committee's resolutions of 16/6/2025 arranging each province's communes (in force the same day).
 */
const DATASET_ACTS: Record<string, { decree: string; decreeDate: string; title: string }> = {
  '2025-07-01': {
    decree: '202/2025/QH15',
    decreeDate: '2025-06-12',
    title: 'Sắp xếp đơn vị hành chính 2025: 34 tỉnh, thành phố; bỏ cấp huyện',
  },
};

/**
 * Every version of the units of every level, oldest first: the days on which the set of units of a level
 * changes (each valid_from and valid_to), with the decision that made it. A partial update (a few communes
 * merged) is a version too: on its day the set changes, though most units keep their rows.
 */
export async function listUnitVersions(db: Queryable): Promise<z.infer<typeof UnitVersion>[]> {
  const rows = await db.query<{
    level: z.infer<typeof UnitVersion>['level'];
    validFrom: string;
    validTo: string | null;
    units: number;
    importId: number | null;
    decree: string | null;
    decreeDate: string | null;
    added: number | null;
    removed: number | null;
    changed: number | null;
  }>(
    `with days as (
       select level, valid_from as d from admin_units
       union select level, valid_to from admin_units where valid_to is not null),
     versions as (
       select level, d, lead(d) over (partition by level order by d) as next from days),
     made as (
       select distinct on (summary->>'level', target) id, summary->>'level' as level, target, summary
       from imports where kind = 'boundaries' and status = 'committed'
       order by summary->>'level', target, id desc)
     select v.level, to_char(v.d, 'YYYY-MM-DD') as "validFrom", to_char(v.next, 'YYYY-MM-DD') as "validTo",
       (select count(*)::int from admin_units u
         where u.level = v.level and u.valid_from <= v.d and (u.valid_to is null or u.valid_to > v.d)) as units,
       m.id as "importId", m.summary->>'decree' as decree, m.summary->>'decreeDate' as "decreeDate",
       (m.summary->>'added')::int as added, (m.summary->>'removed')::int as removed,
       (m.summary->>'changed')::int as changed
     from versions v left join made m on m.level = v.level and m.target = to_char(v.d, 'YYYY-MM-DD')
     order by v.d, v.level`,
  );
  return rows
    .filter((r) => r.units > 0)
    .map((r) => {
      const act = r.importId === null ? DATASET_ACTS[r.validFrom] : undefined;
      return {
        level: r.level,
        validFrom: r.validFrom,
        validTo: r.validTo,
        units: r.units,
        decree: r.decree ?? act?.decree ?? null,
        decreeDate: r.decreeDate ?? act?.decreeDate ?? null,
        title: act?.title ?? null,
        importId: r.importId,
        changes:
          r.added === null ? null : { added: r.added, removed: r.removed ?? 0, changed: r.changed ?? 0 },
      };
    });
}
