// Beside the map in compare mode: the totals of the difference and, per site, the hectares the right
// side adds and removes. Picking a row draws its pieces bolder and frames them on the map.
import { bbox } from '@turf/turf';
import type { DiffRow } from '../../analytics/planDiff';
import { formatHa, formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useAppStore } from '../../store/context';
import { scenarioLabel } from './scenarioLabel';
import { siteTitle } from '../../i18n/siteTitle';
import './compare.css';

function signedHa(x: number, lang: 'vi' | 'en'): string {
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${formatHa(Math.abs(x), lang)}`;
}

function Row({ row }: { row: DiffRow }) {
  const { t, lang } = useT();
  const focus = useAppStore((s) => s.compareFocus);
  const setFocus = useAppStore((s) => s.setCompareFocus);
  const requestCamera = useAppStore((s) => s.requestCamera);
  const pick = () => {
    setFocus(focus === row.key ? null : row.key);
    const pieces = [row.added, row.removed].filter((g) => g !== null);
    if (pieces.length === 0) return;
    const [w, s, e, n] = bbox({ type: 'GeometryCollection', geometries: pieces });
    // Roughly the zoom at which the pieces fill a third of the map: enough to see them in context.
    const span = Math.max(e - w, n - s, 0.002);
    const zoom = Math.min(15, Math.max(9, Math.log2(360 / span) - 1.6));
    requestCamera({ center: [(w + e) / 2, (s + n) / 2], zoom, bearing: 0, pitch: 0 }, 700);
  };
  const what = { added: t.compare_rowAdded, removed: t.compare_rowRemoved, changed: t.compare_rowChanged, same: '' }[row.change];
  return (
    <li className={`compare-row compare-row-${row.change}${focus === row.key ? ' is-focus' : ''}`}>
      <button type="button" onClick={pick} aria-pressed={focus === row.key} data-testid={`compare-row-${row.key}`}>
        <span className="compare-row-name">{row.kind ? siteTitle(t, row.kind, row.name[lang]) : row.name[lang]}</span>
        <span className="compare-row-what">
          {what}
          {row.indicative ? <span title={t.compare_indicativeHint}> · ≈ {t.indicativeBadge.toLowerCase()}</span> : null}
        </span>
        <span className="compare-row-figures">
          {row.addedHa > 0 ? <span className="compare-plus">+{formatHa(row.addedHa, lang)}</span> : null}
          {row.removedHa > 0 ? <span className="compare-minus">−{formatHa(row.removedHa, lang)}</span> : null}
        </span>
      </button>
    </li>
  );
}

export function ComparePanel() {
  const { t, lang } = useT();
  const compare = useAppStore((s) => s.compare);
  const result = useAppStore((s) => s.compareResult);
  const imports = useAppStore((s) => s.imports);
  const stopCompare = useAppStore((s) => s.stopCompare);
  if (!compare) return null;
  const current = result && result.left === compare.left && result.right === compare.right ? result : null;
  const measured = current?.diff.rows.filter((r) => !r.unmeasured) ?? [];
  const unmeasured = current?.diff.rows.filter((r) => r.unmeasured) ?? [];
  const tot = current?.diff.totals;
  return (
    <aside className="sidebar panel compare-panel" aria-labelledby="compare-title" data-testid="compare-panel">
      <div className="compare-panel-head">
        <h2 id="compare-title">{t.compare_title}</h2>
        <button type="button" className="compare-exit" onClick={stopCompare}>
          ✕ {t.compare_exit}
        </button>
      </div>
      <p className="compare-sides">
        <span className="compare-side-name">{scenarioLabel(compare.left, imports, t)}</span>
        <span aria-hidden="true"> → </span>
        <span className="visually-hidden">{t.compare_to}</span>
        <span className="compare-side-name">{scenarioLabel(compare.right, imports, t)}</span>
      </p>
      {current?.missing.length ? (
        <p className="notice" role="alert">
          {t.compare_missingNotice}
        </p>
      ) : null}
      {!tot ? (
        <p role="status">{t.compare_computing}</p>
      ) : (
        <>
          <dl className="compare-totals" data-testid="compare-totals">
            <div>
              <dt>{t.compare_totalAdded}</dt>
              <dd className="compare-plus" data-testid="compare-total-added">
                +{formatHa(tot.addedHa, lang)}
              </dd>
            </div>
            <div>
              <dt>{t.compare_totalRemoved}</dt>
              <dd className="compare-minus" data-testid="compare-total-removed">
                −{formatHa(tot.removedHa, lang)}
              </dd>
            </div>
            <div>
              <dt>{t.compare_totalNet}</dt>
              <dd data-testid="compare-total-net">{signedHa(tot.netHa, lang)}</dd>
            </div>
            <div>
              <dt>{t.compare_sideTotals}</dt>
              <dd>
                {formatHa(tot.leftHa, lang)} → {formatHa(tot.rightHa, lang)}
              </dd>
            </div>
          </dl>
          <p className="compare-method">{t.compare_method}</p>
          {measured.length === 0 && unmeasured.length === 0 ? <p>{t.compare_noChange}</p> : null}
          <ul className="compare-rows" aria-label={t.compare_rowsLabel}>
            {measured.map((r) => (
              <Row key={r.key} row={r} />
            ))}
          </ul>
          {unmeasured.length > 0 ? (
            <details className="compare-unmeasured">
              <summary>{t.compare_unmeasured(formatNumber(unmeasured.length, lang))}</summary>
              <ul>
                {unmeasured.map((r) => (
                  <li key={r.key}>
                    {r.kind ? siteTitle(t, r.kind, r.name[lang]) : r.name[lang]} — {r.change === 'removed' ? t.compare_rowRemoved : t.compare_rowAdded}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <p className="compare-unchanged">{t.compare_unchanged(formatNumber(current.diff.unchanged, lang))}</p>
        </>
      )}
    </aside>
  );
}
