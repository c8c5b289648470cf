// A layer's features as a table: number, name, geometry and every attribute of the file. Columns sort
// on click; the filter ignores diacritics ("dong pho" finds "Đông Phố"). Every cell is text: a value
// such as <img src=x onerror=…> from a file shows as those characters, never as markup.
// It opens as a drawer across the bottom of the window, not inside the layer's card: under the
// card's linking list a table had room for about four rows; the drawer shows a screenful, and its
// header row stays in view while the rows scroll.
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { matchesQuery } from '../../domain/text';
import { formatNumber, localeOf, type Lang } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import type { ImportedLayer } from '../../domain/importedLayer';
import type { AttributeValue } from '../../io/import/types';

/** Rows drawn at most: a 20,000-row survey must not freeze the panel; the filter finds the rest. */
const MAX_ROWS = 200;
/** Attribute columns shown at most (a wide DBF can have a hundred). */
const MAX_COLUMNS = 30;

type Row = { key: number; index: number; name: string | null; geometry: string; attrs: Record<string, AttributeValue>; text: string };
type SortKey = { col: string; dir: 1 | -1 };

const INDEX = '\u0000index';
const NAME = '\u0000name';
const GEOM = '\u0000geometry';

function cell(v: AttributeValue | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v, lang, Number.isInteger(v) ? 0 : Math.min(6, String(v).split('.')[1]?.length ?? 0));
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  return v;
}

function compare(a: AttributeValue | undefined, b: AttributeValue | undefined, collator: Intl.Collator): number {
  const empty = (x: unknown) => x === null || x === undefined || x === '';
  // Empty cells go last whichever way the column is sorted (handled by the caller's direction flip).
  if (empty(a) || empty(b)) return empty(a) === empty(b) ? 0 : empty(a) ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

export function AttributeTable({ layer, onClose }: { layer: ImportedLayer; onClose: () => void }) {
  const { t, lang } = useT();
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    search.current?.focus();
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', esc);
    return () => document.removeEventListener('keydown', esc);
  }, [onClose]);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>({ col: INDEX, dir: 1 });
  const columns = useMemo(() => {
    const seen: string[] = [];
    for (const f of layer.features.features) for (const k of Object.keys(f.properties.attrs)) if (!seen.includes(k)) seen.push(k);
    return seen.slice(0, MAX_COLUMNS);
  }, [layer.features]);
  const rows = useMemo<Row[]>(
    () =>
      layer.features.features.map((f, key) => {
        const p = f.properties;
        return {
          key,
          index: p.index,
          name: p.name,
          geometry: f.geometry.type,
          attrs: p.attrs,
          text: [p.name ?? '', ...Object.values(p.attrs).map((v) => (v === null ? '' : String(v)))].join(' '),
        };
      }),
    [layer.features],
  );
  const shown = useMemo(() => {
    const collator = new Intl.Collator(localeOf(lang), { numeric: true, sensitivity: 'base' });
    const kept = query.trim() ? rows.filter((r) => matchesQuery(r.text, query)) : rows;
    const value = (r: Row): AttributeValue | undefined =>
      sort.col === INDEX ? r.index : sort.col === NAME ? r.name : sort.col === GEOM ? r.geometry : r.attrs[sort.col];
    return [...kept].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const emptyA = va === null || va === undefined || va === '';
      const emptyB = vb === null || vb === undefined || vb === '';
      if (emptyA || emptyB) return compare(va, vb, collator);
      return sort.dir * compare(va, vb, collator);
    });
  }, [rows, query, sort, lang]);

  const header = (col: string, label: string) => {
    const active = sort.col === col;
    return (
      <th key={col} scope="col" aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort-button" onClick={() => setSort({ col, dir: active ? (sort.dir === 1 ? -1 : 1) : 1 })}>
          {label}
          <span aria-hidden="true">{active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };
  const n = (x: number) => formatNumber(x, lang);
  return createPortal(
    <section className="import-table import-table-drawer" role="dialog" aria-label={`${t.import_table}: ${layer.name}`} data-testid="attribute-table">
      <div className="import-table-head">
        <h3>
          {t.import_table}: {layer.name}
        </h3>
        <input ref={search} type="search" aria-label={t.import_tableFilter} placeholder={t.import_tableFilter} value={query} onChange={(e) => setQuery(e.target.value)} />
        <p className="muted" aria-live="polite">
          {t.import_tableRows(n(shown.length), n(rows.length))}
        </p>
        <button type="button" onClick={onClose}>
          {t.import_tableClose}
        </button>
      </div>
      <div className="import-table-scroll">
        <table>
          <caption className="visually-hidden">
            {t.import_table}: {layer.name}
          </caption>
          <thead>
            <tr>
              {header(INDEX, t.import_col_index)}
              {header(NAME, t.import_col_name)}
              {header(GEOM, t.import_col_geometry)}
              {columns.map((c) => header(c, c))}
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, MAX_ROWS).map((r) => (
              <tr key={r.key}>
                <td className="num">{r.index + 1}</td>
                <td>{r.name ?? ''}</td>
                <td>{(t[`import_geom_${r.geometry}` as MessageKey] as string | undefined) ?? r.geometry}</td>
                {columns.map((c) => (
                  <td key={c} className={typeof r.attrs[c] === 'number' ? 'num' : undefined}>
                    {cell(r.attrs[c], lang)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > MAX_ROWS ? <p className="muted">{t.import_tableTruncated(n(MAX_ROWS))}</p> : null}
    </section>,
    document.body,
  );
}
