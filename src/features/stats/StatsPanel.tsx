// The "Thống kê" tab: the province at a glance as bar charts — by kind and status, by commune (or former
// district), by occupancy band, and clean land against the year's target. Each bar is a button: it filters
// the map and the list to the sites it counts and opens the list. Every chart has its table beside it for
// screen readers and for copying. Bars are a few SVG rectangles of our own; a chart library would weigh
// more than the whole panel.
import type { ReactNode } from 'react';
import { byKindAndStatus, byOccupancy, byPlace, type StatGroup } from '../../analytics/siteStats';
import { formatHa, formatNumber, type Lang } from '../../i18n/format';
import type { MessageKey, Messages } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { NO_FILTER } from '../../domain/siteFilter';
import { useAppStore } from '../../store/context';
import './stats.css';

interface Bar {
  key: string;
  label: string;
  /** bar length against the chart's largest */
  value: number;
  /** what the row says: count, hectares… */
  text: string;
  ids: string[];
}

function Chart({ id, title, bars, head, onPick, note, t }: { id: string; title: string; bars: Bar[]; head: [string, string]; onPick: (b: Bar) => void; note?: ReactNode; t: Messages }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <section className="stat-chart" aria-labelledby={`stat-${id}`} data-chart={id}>
      <h3 id={`stat-${id}`}>{title}</h3>
      <ul className="stat-bars">
        {bars.map((b) => (
          <li key={b.key}>
            <button type="button" className="stat-bar" onClick={() => onPick(b)} data-key={b.key} disabled={b.ids.length === 0}>
              <span className="stat-label">{b.label}</span>
              <svg className="stat-svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect x="0" y="0" width="100" height="10" className="stat-track" />
                <rect x="0" y="0" width={(100 * b.value) / max} height="10" className="stat-fill" />
              </svg>
              <span className="stat-value">{b.text}</span>
            </button>
          </li>
        ))}
      </ul>
      {note ? <p className="hint">{note}</p> : null}
      <details className="stat-table-wrap">
        <summary>{t.stats_showTable}</summary>
        <table className="stat-table">
          <caption>{t.stats_tableCaption(title)}</caption>
          <thead>
            <tr>
              <th scope="col">{head[0]}</th>
              <th scope="col">{head[1]}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td>{b.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

/** "5 khu, cụm · 1.234,56 ha": the hectares only where the sources give areas, never a 0 for none. */
function countAndHa(g: StatGroup, t: Messages, lang: Lang, unit = t.stats_sites): string {
  return `${formatNumber(g.count, lang)} ${unit} · ${g.ha === null ? t.notInSources : formatHa(g.ha, lang)}`;
}

export function StatsPanel() {
  const { t, lang } = useT();
  const region = useAppStore((s) => s.region);
  const report = useAppStore((s) => s.report);
  const setFilter = useAppStore((s) => s.setSiteFilter);
  const setTab = useAppStore((s) => s.setTab);
  if (!region) return null;
  const sites = region.data.sites.features.map((f) => f.properties);
  const province = region.data.region.name[lang];
  const pick = (title: string) => (b: Bar) => {
    // Only these sites, whatever was filtered before: the list shows exactly what the bar counted.
    setFilter({ ...NO_FILTER, ids: b.ids, idsLabel: t.stats_filterBy(`${title} — ${b.label}`) });
    setTab('sites');
  };
  const toBar = (g: StatGroup, label: string, unit?: string): Bar => ({ key: g.key, label, value: g.count, text: countAndHa(g, t, lang, unit), ids: g.ids });

  const kinds = byKindAndStatus(sites).map((g) => {
    const [kind, status] = g.key.split(':') as ['kcn' | 'ccn', string];
    return toBar(g, `${kind.toUpperCase()} · ${t[`status_${status}` as MessageKey] as string}`, t[`stats_unit_${kind}`]);
  });
  const place = byPlace(sites);
  const places = place.groups.map((g) => toBar(g, g.key.startsWith('…') ? `${t.stats_otherPlaces(Number(g.key.slice(1)))}` : g.key || t.notInSources));
  const occ = byOccupancy(sites);
  const occBars = occ.groups.map((g) => ({ ...toBar(g, t.stats_occupancyBand(...(g.key.split('-').map(Number) as [number, number]))), text: `${formatNumber(g.count, lang)} ${t.stats_sites}` }));
  const noArea = sites.filter((s) => s.declaredAreaHa === undefined).length;

  const clean = report?.targets.find((x) => x.target.metric === 'clearedHa') ?? null;
  const cleanTitle = t.stats_cleanLand;
  return (
    <div className="stats-panel" data-testid="stats-panel">
      <div className="stats-head">
        <h2>{t.stats_title(province)}</h2>
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t.stats_print}
        </button>
      </div>
      <p className="hint no-print">{t.stats_hint}</p>
      <Chart id="kind" title={t.stats_byKind} bars={kinds} head={[t.stats_group, `${t.stats_count} · ${t.stats_area}`]} onPick={pick(t.stats_byKind)} note={noArea ? t.stats_noArea(noArea) : null} t={t} />
      <Chart
        id="place"
        title={place.field === 'district' ? t.stats_byDistrict : t.stats_byCommune}
        bars={places}
        head={[place.field === 'district' ? t.field_district : t.field_commune, `${t.stats_count} · ${t.stats_area}`]}
        onPick={pick(place.field === 'district' ? t.stats_byDistrict : t.stats_byCommune)}
        t={t}
      />
      <Chart id="occupancy" title={t.stats_occupancy} bars={occBars} head={[t.field_occupancy, t.stats_count]} onPick={pick(t.stats_occupancy)} note={t.stats_noOccupancy(occ.known, sites.length)} t={t} />
      {!report ? (
        <p className="loading-inline">{t.loading}</p>
      ) : !clean || clean.target.value === null ? (
        <section className="stat-chart" data-chart="clean">
          <h3>{cleanTitle}</h3>
          <p className="missing">{t.stats_noTarget}</p>
        </section>
      ) : clean.value === null ? (
        <section className="stat-chart" data-chart="clean">
          <h3>{cleanTitle}</h3>
          <p className="missing">{t.stats_noCleanData}</p>
        </section>
      ) : (
        <Chart
          id="clean"
          title={cleanTitle}
          bars={[
            { key: 'done', label: `${t.stats_cleanDone}${clean.sample ? ` (${t.sampleBadge.toLowerCase()})` : ''}`, value: clean.value, text: formatHa(clean.value, lang), ids: clean.siteIds },
            { key: 'target', label: t.stats_target, value: clean.target.value, text: formatHa(clean.target.value, lang), ids: [] },
          ]}
          head={[t.stats_group, 'ha']}
          onPick={pick(cleanTitle)}
          note={`${clean.target.label[lang]}${clean.sample ? ` — ${t.sampleBadge}` : ''}`}
          t={t}
        />
      )}
    </div>
  );
}
