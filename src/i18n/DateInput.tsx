// A date box written the interface language's way (dd/mm/yyyy), not the browser's: Chromium draws
// <input type="date"> in the browser's locale (11/22/2026 in the Vietnamese interface), and no
// attribute changes that. What the user typed stays in the box; a date that does not exist or lies
// out of range is refused there with a message, and the value keeps its last good date.
import { useState } from 'react';
import { useT } from './useT';

/** "dd/mm/yyyy" (also d/m/yyyy, with - or . between) or an ISO date, to YYYY-MM-DD; null when not a real date. */
export function parseDayMonthYear(text: string): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]].map(Number) : dmy ? [dmy[3], dmy[2], dmy[1]].map(Number) : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  // 31/02 rolls over to March in Date: refuse it instead.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** YYYY-MM-DD as dd/mm/yyyy: both catalogues write the day first (vi-VN, en-GB). */
export function dayMonthYear(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function DateInput({ value, onChange, min, max, required }: { value: string; onChange: (iso: string) => void; min?: string; max?: string; required?: boolean }) {
  const { t } = useT();
  const [text, setText] = useState(value ? dayMonthYear(value) : '');
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // Set from elsewhere (a link, a reset): show it.
    setSeen(value);
    if (parseDayMonthYear(text) !== value) setText(value ? dayMonthYear(value) : '');
  }
  const problem = dateProblem(text, min, max, t.date_invalid, t.date_outOfRange);
  return (
    <>
      <input
        type="text"
        inputMode="numeric"
        placeholder={t.date_placeholder}
        value={text}
        required={required}
        aria-invalid={problem !== null}
        onChange={(e) => {
          setText(e.target.value);
          const iso = parseDayMonthYear(e.target.value);
          if (iso && (!min || iso >= min) && (!max || iso <= max)) onChange(iso);
        }}
      />
      {problem ? (
        <span className="field-error" role="alert">
          {problem}
        </span>
      ) : null}
    </>
  );
}

function dateProblem(
  text: string,
  min: string | undefined,
  max: string | undefined,
  invalid: (typed: string) => string,
  outOfRange: (from: string | null, to: string | null) => string,
): string | null {
  if (text.trim() === '') return null;
  const iso = parseDayMonthYear(text);
  if (!iso) return invalid(text.trim());
  if ((min && iso < min) || (max && iso > max)) return outOfRange(min ? dayMonthYear(min) : null, max ? dayMonthYear(max) : null);
  return null;
}
