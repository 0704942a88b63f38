import type { Queryable } from '../../db/engine';

export interface IndicatorRow {
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  areaAggregation: 'sum' | 'rate' | 'max';
  timeAggregation: 'sum' | 'last' | 'max' | 'rate';
  numeratorCode: string | null;
  denominatorCode: string | null;
  scale: number | null;
  sensitivity: 'public' | 'internal' | 'police';
  descriptionVi: string;
}

const INDICATOR_COLUMNS = `code, name_vi as "nameVi", name_en as "nameEn", unit_vi as "unitVi", unit_en as "unitEn",
  area_aggregation as "areaAggregation", time_aggregation as "timeAggregation",
  numerator_code as "numeratorCode", denominator_code as "denominatorCode", scale, sensitivity,
  description_vi as "descriptionVi"`;

export async function listIndicators(db: Queryable): Promise<IndicatorRow[]> {
  return db.query<IndicatorRow>(`select ${INDICATOR_COLUMNS} from indicators order by sort_order, code`);
}

export async function findIndicator(db: Queryable, code: string): Promise<IndicatorRow | undefined> {
  const rows = await db.query<IndicatorRow>(`select ${INDICATOR_COLUMNS} from indicators where code = $1`, [
    code,
  ]);
  return rows[0];
}
