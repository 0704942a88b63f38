import { useId, useMemo, useState } from 'react';
import { type Lang, translate } from '../../../lib/i18n';
import { type SearchableUnit, searchUnits } from '../../../lib/search-name';
import { listboxKeyDown } from '../lib/listbox-keys';

export interface SearchUnit extends SearchableUnit {
  provinceName: string | null;
}

export interface UnitSearchProps {
  units: readonly SearchUnit[] | null;
  /** Province in view: its units come first among equal matches. */
  nearProvince: string | null;
  lang: Lang;
  /** Called on first focus so the unit list loads only for people who search. */
  onFocus: () => void;
  onPick: (unit: SearchUnit) => void;
}

/** Finds a unit by name typed without diacritics or kind prefix ("ba dinh", "xa ia mo"); a combobox. */
export function UnitSearch({ units, nearProvince, lang, onFocus, onPick }: UnitSearchProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const results = useMemo(
    () => (units ? searchUnits(units, query, 12, nearProvince) : []),
    [units, query, nearProvince],
  );
  const pick = (u: SearchUnit | undefined) => {
    if (!u) return;
    onPick(u);
    setQuery(u.fullName);
    setOpen(false);
  };
  return (
    <div className="search">
      <input
        type="search"
        role="combobox"
        aria-label={translate(lang, 'search')}
        aria-expanded={open && query.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && results[active] ? `${listId}-${active}` : undefined}
        placeholder={translate(lang, 'searchPlaceholder')}
        data-testid="unit-search"
        value={query}
        onFocus={onFocus}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(e) =>
          listboxKeyDown(e, {
            count: results.length,
            setActive,
            pick: () => pick(results[active]),
            close: () => setOpen(false),
          })
        }
      />
      {open && query.trim().length > 0 && (
        <div id={listId} role="listbox" className="search-results" data-testid="search-results">
          {units === null && <div className="muted">…</div>}
          {units !== null && results.length === 0 && (
            <li className="muted">{translate(lang, 'noResults')}</li>
          )}
          {results.map((u, i) => (
            <div
              key={`${u.level}-${u.code}`}
              tabIndex={-1}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(u);
              }}
            >
              <strong>{u.fullName}</strong>
              {u.provinceName && <span className="muted"> — {u.provinceName}</span>}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
