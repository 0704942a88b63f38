import { periodLabel } from '../../lib/i18n';

/** The form and period choices every reporting page opens with (entry, review, completeness). */
export function FormAndPeriodPickers(p: {
  forms: readonly { code: string; nameVi: string }[];
  formCode: string;
  onForm: (code: string) => void;
  periods: readonly string[];
  periodId: string;
  onPeriod: (id: string) => void;
  /** Test ids of the two selects, e.g. `report` gives `report-form` and `report-period`. */
  testIdPrefix: string;
  formTestId?: boolean;
}) {
  return (
    <>
      <label>
        Biểu mẫu{' '}
        <select
          value={p.formCode}
          onChange={(e) => p.onForm(e.target.value)}
          data-testid={p.formTestId ? `${p.testIdPrefix}-form` : undefined}
        >
          {p.forms.map((f) => (
            <option key={f.code} value={f.code}>
              {f.nameVi}
            </option>
          ))}
        </select>
      </label>
      <label>
        Kỳ{' '}
        <select
          value={p.periodId}
          onChange={(e) => p.onPeriod(e.target.value)}
          data-testid={`${p.testIdPrefix}-period`}
        >
          {p.periods.map((id) => (
            <option key={id} value={id}>
              {periodLabel(id, 'vi')}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
