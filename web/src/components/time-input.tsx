import { type InputHTMLAttributes, useEffect, useState } from 'react';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `1830`, `18.30`, `18h30`, `9:5` → `18:30`, `09:05`; null when it is no time of day. */
export function normaliseTime(text: string): string | null {
  const m = /^\s*(\d{1,2})(?:\s*[:.hH]\s*(\d{1,2})?|(\d{2}))?\s*$/.exec(text);
  if (!m) return null;
  const hh = Number(m[1]);
  const mm = Number(m[2] ?? m[3] ?? 0);
  if (hh > 23 || mm > 59) return null;
  const out = `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
  return HH_MM.test(out) ? out : null;
}

/**
 * A time of day typed as 24-hour `HH:MM`, whatever the browser's language: Chromium's own
 * `<input type="time">` shows AM/PM under an English locale. The value reaches `onChange` only when it is a
 * time; until then the field is marked invalid and keeps what was typed.
 */
export function TimeInput({
  value,
  onChange,
  ...rest
}: { value: string; onChange: (value: string) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type'
>) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const valid = normaliseTime(text) !== null;
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
      placeholder="hh:mm"
      maxLength={5}
      size={5}
      aria-invalid={!valid}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const time = normaliseTime(e.target.value);
        if (time && HH_MM.test(e.target.value)) onChange(time);
      }}
      onBlur={() => {
        const time = normaliseTime(text);
        if (time) {
          setText(time);
          if (time !== value) onChange(time);
        }
      }}
    />
  );
}
