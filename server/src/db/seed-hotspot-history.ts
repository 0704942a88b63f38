import type { Queryable } from './engine';

/**
 * After a dataset load: the register history the loaded hotspots imply (created when detected, eliminated
 * and re-opened on their recorded dates), so the history and the yearly elimination figures read the same
 * register as the map. Spatial weights are derived from the unit versions the load just replaced (their
 * rows went with the units): their set rows go too, to be rebuilt on first use.
 */
export async function seedHotspotHistory(tx: Queryable): Promise<void> {
  await tx.query(`delete from spatial_weight_sets`);
  await tx.query(
    `insert into hotspot_events (hotspot_id, action, occurred_on, recorded_at, actor, note, before, after)
     select id, 'create', detected_on, detected_on::timestamptz, 'dataset-load', notes, null,
       jsonb_build_object('code', code, 'kind', kind, 'communeCode', commune_code, 'detectedOn', detected_on)
     from hotspots
     union all
     select id, 'eliminate', eliminated_on, eliminated_on::timestamptz, 'dataset-load', 'triệt xóa (theo sổ theo dõi)',
       jsonb_build_object('eliminatedOn', null), jsonb_build_object('eliminatedOn', eliminated_on)
     from hotspots where eliminated_on is not null
     union all
     select id, 'reopen', reemerged_on, reemerged_on::timestamptz, 'dataset-load', 'hoạt động trở lại (theo sổ theo dõi)',
       jsonb_build_object('eliminatedOn', eliminated_on), jsonb_build_object('reemergedOn', reemerged_on)
     from hotspots where reemerged_on is not null`,
  );
}
