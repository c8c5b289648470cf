// The header's search box: a combobox (ARIA 1.2 pattern) over the region's parks, clusters and
// communes. Arrow keys move through the results, Enter opens the fact sheet and flies there.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { searchSites } from '../../domain/search';
import { useT } from '../../i18n/useT';
import { useAppStore } from '../../store/context';

export function SearchBox() {
  const { t, lang } = useT();
  const region = useAppStore((s) => s.region);
  const select = useAppStore((s) => s.select);
  const flyTo = useAppStore((s) => s.requestFlyTo);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();

  const sites = region?.data.sites.features;
  const hits = useMemo(() => (sites ? searchSites(sites, query) : []), [sites, query]);
  const byId = useMemo(() => new Map((sites ?? []).map((f) => [f.properties.id, f.properties])), [sites]);
  const expanded = open && query.trim() !== '';

  const pick = (id: string) => {
    select({ type: 'site', id });
    flyTo(id);
    setQuery('');
    setOpen(false);
    // Focus stays here; the fact sheet takes it when it opens (DetailsPanel), since it may still be loading.
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (hits.length === 0) return;
      setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % hits.length : (a + hits.length - 1) % hits.length));
    } else if (e.key === 'Enter') {
      const hit = hits[active] ?? hits[0];
      if (expanded && hit) {
        e.preventDefault();
        pick(hit.id);
      }
    } else if (e.key === 'Escape') {
      if (expanded) setOpen(false);
      else setQuery('');
    }
  };

  return (
    <div className="search-box">
      <input
        type="search"
        role="combobox"
        aria-label={t.search_label}
        placeholder={t.search_placeholder}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && hits[active] ? `${listId}-${active}` : undefined}
        value={query}
        disabled={!region}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKey}
        onFocus={() => setOpen(true)}
        // A click on a result lands before the blur closes the list.
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        data-testid="search"
      />
      {expanded ? (
        <ul id={listId} role="listbox" aria-label={t.search_label} className="search-results panel">
          {hits.length === 0 ? (
            <li className="search-none" role="option" aria-disabled="true" aria-selected={false}>
              {t.search_none}
            </li>
          ) : (
            hits.map((h, i) => {
              const p = byId.get(h.id);
              if (!p) return null;
              return (
                <li
                  key={h.id}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : undefined}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(h.id)}
                  onMouseEnter={() => setActive(i)}
                >
                  <span className={`kind-tag kind-${p.kind}`}>{p.kind.toUpperCase()}</span> {p.name[lang]}
                  <span className="hint"> · {t.search_inPlace(p.commune)}</span>
                </li>
              );
            })
          )}
        </ul>
      ) : null}
      <span className="visually-hidden" role="status">
        {expanded ? (hits.length ? t.search_count(hits.length) : t.search_none) : ''}
      </span>
    </div>
  );
}
