import type { Queryable } from '../../db/engine';
import { EVERYWHERE, type Jurisdiction } from '../auth/jurisdiction';
import type { PeriodRow } from '../periods/periods.repo';
import { completeness } from './completeness.repo';
import { dayOfLastMonth, type FormRow, listForms } from './forms.repo';

/** "Số liệu đã nhận x/y xã" of a period: the reports received and expected of the form read on it. */
export interface ReceivedCount {
  form: string;
  formName: string;
  period: string;
  received: number;
  expected: number;
}

/**
 * The form a period's figures on an area are read with: of the period's kind, the area's own province form
 * first, then a form of every province (by code). None when no form covers the area.
 */
export function formFor(
  forms: readonly FormRow[],
  kind: string,
  province: string | null,
): FormRow | undefined {
  const ofKind = forms.filter((f) => f.periodKind === kind);
  return (
    (province ? ofKind.find((f) => f.provinceCode === province) : undefined) ??
    ofKind.find((f) => f.provinceCode === null)
  );
}

/**
 * Received and expected reports of a period on the country or a province, as the completeness API counts
 * them (units valid on the period's last day), inside a jurisdiction (public pages and frozen briefings:
 * everywhere). Null when no form is reported for that kind of period.
 */
export async function receivedCount(
  db: Queryable,
  period: PeriodRow,
  province: string | null,
  j: Jurisdiction = EVERYWHERE,
): Promise<ReceivedCount | null> {
  const form = formFor(await listForms(db), period.kind, province);
  if (!form) return null;
  const dueDate = dayOfLastMonth(period.endDate, form.dueDay);
  const { total } = await completeness(
    db,
    {
      form: form.code,
      period: period.id,
      unitsOn: period.endDate,
      dueAt: new Date(`${dueDate}T23:59:59.999+07:00`).toISOString(),
      formProvince: form.provinceCode,
      province,
    },
    j,
  );
  return {
    form: form.code,
    formName: form.nameVi,
    period: period.id,
    received: total.received,
    expected: total.expected,
  };
}
