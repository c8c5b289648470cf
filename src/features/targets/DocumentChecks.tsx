// Documents' tables next to the same figures re-added from the site rows, with the difference:
// a planner sees at once where a decision's total does not match its own rows.
import { decimalsOf, type TableCheck } from '../../analytics/documentTables';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import type { Region } from '../../domain/types';

export function DocumentChecks({ checks, region }: { checks: TableCheck[]; region: Region }) {
  const { t, lang } = useT();
  if (checks.length === 0) return null;
  const num = (v: number | undefined, d = 2) => (v === undefined ? '—' : formatNumber(v, lang, d));
  const diff = (v: number | undefined) => (v === undefined || Math.abs(v) < 0.005 ? '' : `${v > 0 ? '+' : ''}${formatNumber(v, lang, 2)}`);
  return (
    <section className="doc-checks" aria-labelledby="doc-checks-title">
      <h3 id="doc-checks-title">{t.docChecksTitle}</h3>
      {checks.map((c) => {
        const doc = region.sources[c.table.source.doc];
        const rows = [...c.rows, c.total];
        const rounded = rows.some((r) => r.rounded);
        const countStated = rows.some((r) => r.document.count !== undefined);
        return (
          <article key={c.table.id} className="doc-check" data-table={c.table.id} aria-label={c.table.label[lang]}>
            <h4>
              {c.table.label[lang]}{' '}
              <span className={c.matches ? 'badge badge-met' : 'badge badge-open'}>{c.matches ? (rounded ? t.doc_rounded : t.docMatches) : t.docDiffers}</span>
            </h4>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.docGroup}</th>
                  <th scope="col" className="num">{t.docCount}</th>
                  <th scope="col" className="num">{t.docAreaDoc}</th>
                  <th scope="col" className="num">{t.docAreaRows}</th>
                  <th scope="col" className="num">{t.docDiff}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} className={row.matches ? undefined : 'mismatch'}>
                    <th scope="row">{row.key === 'total' ? t.capitalTotal : row.key}</th>
                    <td className="num">
                      {row.document.count !== undefined && row.document.count !== row.computed.count
                        ? `${row.document.count} / ${row.computed.count}`
                        : row.computed.count}
                    </td>
                    <td className="num">{num(row.document.areaHa)}</td>
                    <td className="num">{num(row.computed.areaHa)}</td>
                    <td className="num">{diff(row.diff.areaHa)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rounded
              ? rows
                  .filter((r) => r.rounded && r.document.areaHa !== undefined)
                  .map((r) => (
                    <p key={`rounded-${r.key}`} className="basis">
                      {t.doc_roundedHint(formatNumber(r.document.areaHa ?? 0, lang, decimalsOf(r.document.areaHa ?? 0)))}
                    </p>
                  ))
              : null}
            {!countStated ? <p className="basis">{t.doc_countNotStated}</p> : null}
            {c.extraKeys.length > 0 ? <p className="basis warn">{t.docExtra(c.extraKeys.join(', '))}</p> : null}
            {c.table.note ? <p className="basis">{c.table.note[lang]}</p> : null}
            <p className="target-source">
              {t.sources}: {doc ? doc.title[lang] : c.table.source.doc}
              {c.table.source.where ? ` (${c.table.source.where})` : ''}
            </p>
          </article>
        );
      })}
    </section>
  );
}
