import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { todayIso } from '../../../lib/periods';
import { unitsQuery } from '../api/get-units';
import { listboxKeyDown } from '../lib/listbox-keys';
import {
  matchUnits,
  type PickerLevel,
  type PickerUnit,
  pickerUnits,
  unitCaption,
  unitOfCode,
} from '../lib/unit-picker-options';
import './unit-picker.css';

/** The units a picker offers, loaded on first use (the lists are cached for an hour and shared). */
function usePickerUnits(
  levels: readonly PickerLevel[],
  at: string,
  within: readonly string[] | null,
  enabled: boolean,
): PickerUnit[] | null {
  const provinces = useQuery({ ...unitsQuery({ level: 'province', parent: null, at }), enabled });
  const communes = useQuery({
    ...unitsQuery({ level: 'commune', parent: null, at }),
    enabled: enabled && levels.includes('commune'),
  });
  const needCommunes = levels.includes('commune');
  // Keyed by content: callers may pass new arrays on every render.
  const levelsKey = levels.join(',');
  const withinKey = within === null ? null : within.join(',');
  return useMemo(() => {
    if (!provinces.data || (needCommunes && !communes.data)) return null;
    const lv = levelsKey.split(',') as PickerLevel[];
    return pickerUnits(provinces.data.rows, communes.data?.rows ?? [], lv, withinKey?.split(',') ?? null);
  }, [provinces.data, communes.data, needCommunes, levelsKey, withinKey]);
}

interface ComboProps {
  units: PickerUnit[] | null;
  /** Text shown while nothing is typed (the chosen unit's name, or empty). */
  shown: string;
  placeholder: string;
  label: string;
  name?: string | undefined;
  testId?: string | undefined;
  invalid?: boolean | undefined;
  exclude?: readonly string[] | undefined;
  nearProvince?: string | null | undefined;
  onFirstFocus: () => void;
  onPick: (unit: PickerUnit) => void;
}

/** A text field with the list of units whose names match what is typed (a combobox). */
function UnitCombo(p: ComboProps) {
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const open = query !== null && query.trim().length > 0;
  const results = useMemo(
    () =>
      p.units && open
        ? matchUnits(p.units, query, { exclude: p.exclude ?? [], nearProvince: p.nearProvince ?? null })
        : [],
    [p.units, open, query, p.exclude, p.nearProvince],
  );
  const pick = (u: PickerUnit | undefined) => {
    if (!u) return;
    p.onPick(u);
    setQuery(null);
    setActive(0);
  };
  return (
    <div className="unit-picker-combo">
      <input
        type="text"
        role="combobox"
        autoComplete="off"
        enterKeyHint="search"
        aria-label={p.label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && results[active] ? `${listId}-${active}` : undefined}
        {...(p.invalid ? { 'aria-invalid': true as const } : {})}
        name={p.name}
        data-testid={p.testId}
        placeholder={p.placeholder}
        value={query ?? p.shown}
        onFocus={(e) => {
          p.onFirstFocus();
          e.currentTarget.select();
        }}
        onBlur={() => setQuery(null)}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) =>
          listboxKeyDown(e, {
            count: results.length,
            setActive,
            pick: () => pick(results[active]),
            close: () => setQuery(null),
          })
        }
      />
      {open && (
        <div id={listId} role="listbox" aria-label={p.label} className="unit-picker-list">
          {p.units === null && <div className="unit-picker-empty">Đang tải danh sách đơn vị…</div>}
          {p.units !== null && results.length === 0 && (
            <div className="unit-picker-empty">Không có đơn vị nào tên như vậy</div>
          )}
          {results.map((u, i) => (
            <div
              key={`${u.level}-${u.code}`}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              onMouseEnter={() => setActive(i)}
              // mousedown (not click): the field keeps focus, so its blur does not close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(u);
              }}
            >
              <span className="unit-picker-name">{u.fullName}</span>
              <span className="unit-picker-caption">{unitCaption(u)}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

interface CommonProps {
  /** The field's label (Vietnamese), also its accessible name. */
  label: string;
  /** Levels offered; both by default. */
  levels?: readonly PickerLevel[];
  /** Units in force on that day (ISO); today by default. */
  at?: string | undefined;
  /** Only units of these provinces (or these units); all when null. */
  within?: readonly string[] | null;
  /** Equal matches from this province first. */
  nearProvince?: string | null;
  /** Form name of the text field (server errors name it). */
  name?: string;
  testId?: string;
  invalid?: boolean;
  /** The field's error message, shown under it. */
  error?: string | null;
}

const BOTH: readonly PickerLevel[] = ['province', 'commune'];

export interface UnitPickerProps extends CommonProps {
  /** The chosen unit's code; null = none. */
  value: string | null;
  onChange: (code: string | null) => void;
  /** What no unit means ("Toàn quốc"); when given the choice can be cleared. */
  emptyLabel?: string;
}

/**
 * Pick one administrative unit by name: type part of it without diacritics ("ba dinh", "xa muong la"),
 * choose from the list (arrows and Enter, or a tap). The chosen unit is shown by name with its level and
 * province; the value is its code.
 */
export function UnitPicker(p: UnitPickerProps) {
  const [used, setUsed] = useState(p.value !== null);
  const units = usePickerUnits(
    p.levels ?? BOTH,
    p.at ?? todayIso(),
    p.within ?? null,
    used || p.value !== null,
  );
  const chosen = unitOfCode(units, p.value);
  // While the lists load the field waits for the name: a bare code ("01") is never shown as the choice.
  const shown = p.value === null ? '' : (chosen?.fullName ?? (units ? p.value : '…'));
  return (
    <div className="unit-picker" data-testid={p.testId ? `${p.testId}-picker` : undefined}>
      <span className="unit-picker-label">{p.label}</span>
      <div className="unit-picker-row">
        <UnitCombo
          units={units}
          shown={shown}
          placeholder={p.emptyLabel ?? 'Gõ tên đơn vị, ví dụ “ba dinh”'}
          label={p.label}
          name={p.name}
          testId={p.testId}
          invalid={p.invalid}
          nearProvince={p.nearProvince}
          onFirstFocus={() => setUsed(true)}
          onPick={(u) => p.onChange(u.code)}
        />
        {p.value !== null && p.emptyLabel !== undefined && (
          <button
            type="button"
            className="unit-picker-clear"
            aria-label={`Bỏ chọn, lấy ${p.emptyLabel.toLowerCase()}`}
            title={p.emptyLabel}
            onClick={() => p.onChange(null)}
          >
            ×
          </button>
        )}
      </div>
      <span className="unit-picker-caption" data-testid={p.testId ? `${p.testId}-chosen` : undefined}>
        {p.value === null
          ? (p.emptyLabel ?? '')
          : chosen
            ? unitCaption(chosen)
            : units
              ? 'Mã không có trong danh mục'
              : ''}
      </span>
      {p.error && (
        <span className="field-error" role="alert">
          {p.error}
        </span>
      )}
    </div>
  );
}

export interface UnitListPickerProps extends CommonProps {
  /** The chosen units' codes, in the order chosen. */
  value: readonly string[];
  onChange: (codes: string[]) => void;
}

/** Pick several units by name: each pick adds a removable chip showing the unit's name and province. */
export function UnitListPicker(p: UnitListPickerProps) {
  const [used, setUsed] = useState(p.value.length > 0);
  const units = usePickerUnits(
    p.levels ?? BOTH,
    p.at ?? todayIso(),
    p.within ?? null,
    used || p.value.length > 0,
  );
  return (
    <div className="unit-picker" data-testid={p.testId ? `${p.testId}-picker` : undefined}>
      <span className="unit-picker-label">{p.label}</span>
      {p.value.length > 0 && (
        <ul className="unit-picker-chips" aria-label={`${p.label}: đã chọn`}>
          {p.value.map((code) => {
            const u = unitOfCode(units, code);
            return (
              <li key={code} data-code={code}>
                <span>
                  <span className="unit-picker-name">{u?.fullName ?? code}</span>
                  {u?.provinceName && <span className="unit-picker-caption"> · {u.provinceName}</span>}
                </span>
                <button
                  type="button"
                  aria-label={`Bỏ ${u?.fullName ?? code}`}
                  onClick={() => p.onChange(p.value.filter((c) => c !== code))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <UnitCombo
        units={units}
        shown=""
        placeholder="Gõ tên để thêm, ví dụ “muong la”"
        label={p.label}
        name={p.name}
        testId={p.testId}
        invalid={p.invalid}
        exclude={p.value}
        nearProvince={p.nearProvince}
        onFirstFocus={() => setUsed(true)}
        onPick={(u) => p.onChange([...p.value, u.code])}
      />
      {p.error && (
        <span className="field-error" role="alert">
          {p.error}
        </span>
      )}
    </div>
  );
}
