import { formatDate } from '@pcmt/domain/format';
import { type InputHTMLAttributes, useEffect, useRef, useState } from 'react';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether year, month and day make a day of the calendar (no 31/02). */
function isDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * A typed date read day first, as Vietnamese write it: `31/12/2026`, `31-12-2026`, `31.12.2026`, `1/7/2026`,
 * `31122026`; an ISO `2026-12-31` (pasted) too. The ISO date (`2026-12-31`), or null when it is no day.
 */
export function parseDateVi(text: string): string | null {
  const t = text.trim();
  const isoMatch = ISO.exec(t);
  if (isoMatch) {
    const [y, m, d] = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
    return isDay(y, m, d) ? iso(y, m, d) : null;
  }
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isDay(year, month, day) ? iso(year, month, day) : null;
}

/** An ISO date as the field shows it (`31/12/2026`), through the one formatter; empty stays empty. */
export const showDateVi = (value: string) => (ISO.test(value) ? formatDate(value) : value);

/**
 * A date typed and shown as dd/mm/yyyy whatever the browser's language (Chromium's `<input type="date">`
 * shows mm/dd/yyyy under an English locale). The value in and out is ISO (`2026-12-31`), '' when empty; it
 * reaches `onChange` only when the text is a day (or is cleared), until then the field is marked invalid
 * and keeps what was typed. The calendar button opens the browser's own picker.
 */
export function DateInput({
  value,
  onChange,
  min,
  max,
  calendarLabel = 'Chọn ngày trên lịch',
  ...rest
}: {
  value: string;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
  calendarLabel?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'>) {
  const [text, setText] = useState(showDateVi(value));
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => setText(showDateVi(value)), [value]);
  const parsed = parseDateVi(text);
  const inRange = parsed !== null && (!min || parsed >= min) && (!max || parsed <= max);
  const valid = text.trim() === '' ? !rest.required : inRange;
  const take = (next: string) => {
    if (next.trim() === '') {
      if (value !== '') onChange('');
      return;
    }
    const day = parseDateVi(next);
    if (day && (!min || day >= min) && (!max || day <= max) && day !== value) onChange(day);
  };
  return (
    <span className="date-input" style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
      <input
        {...rest}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        maxLength={10}
        size={10}
        aria-invalid={rest['aria-invalid'] === true || rest['aria-invalid'] === 'true' || !valid}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          // A complete dd/mm/yyyy is taken as it is typed; shorter forms when the field is left.
          if (/^\d{2}\/\d{2}\/\d{4}$/.test(e.target.value) || e.target.value === '') take(e.target.value);
        }}
        onBlur={() => {
          const day = parseDateVi(text);
          if (day) setText(showDateVi(day));
          take(text);
        }}
      />
      <button
        type="button"
        className="date-input-calendar"
        aria-label={calendarLabel}
        title={calendarLabel}
        onClick={() => {
          const p = picker.current;
          if (!p) return;
          p.value = parsed ?? value;
          try {
            p.showPicker();
          } catch {
            p.focus();
          }
        }}
      >
        {/* Text, not an emoji: computers without an emoji font would show a box. */}
        Lịch
      </button>
      <input
        ref={picker}
        type="date"
        tabIndex={-1}
        aria-hidden="true"
        min={min}
        max={max}
        style={{
          position: 'absolute',
          opacity: 0,
          width: 1,
          height: 1,
          padding: 0,
          border: 0,
          pointerEvents: 'none',
        }}
        onChange={(e) => {
          const day = e.target.value;
          if (!day) return;
          setText(showDateVi(day));
          if (day !== value) onChange(day);
        }}
      />
    </span>
  );
}
