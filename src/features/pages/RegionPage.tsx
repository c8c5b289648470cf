// The static page of a province: every park and cluster in one table (kind, status, commune, declared
// and computed areas, clean land, occupancy), each linking to its own page and to the map. A figure the
// sources do not give is a dash explained under the table, never 0.
import type { ReactNode } from 'react';
import type { PreparedRegion } from '../../domain/prepare';
import type { RegionReport } from '../../analytics/report';
import { formatHa, formatNumber, type Lang } from '../../i18n/format';
import type { MessageKey, Messages } from '../../i18n/messages';
import { siteTitle } from '../../i18n/siteTitle';
import { formatSourcedPct } from '../details/investorRows';
import { PageShell, mapLink, pageFile, type PageLinks } from './PageShell';

const ha = (v: number | null | undefined, lang: Lang) => (v === null || v === undefined ? '—' : formatNumber(v, lang, 2));

export function RegionPage({ region, report, t, lang, links }: { region: PreparedRegion; report: RegionReport; t: Messages; lang: Lang; links: PageLinks }): ReactNode {
  const r = region.data.region;
  const province = r.name[lang];
  const kcn = report.sites.filter((s) => s.kind === 'kcn').length;
  const ccn = report.sites.length - kcn;
  const title = t.page_provinceTitle(province);
  const description = t.page_provinceDescription(province, kcn, ccn);
  const declared = report.sites.reduce((a, s) => a + (s.declaredHa ?? 0), 0);
  return (
    <PageShell
      lang={lang}
      t={t}
      title={title}
      description={description}
      file={(l) => pageFile(r.id, l)}
      image={r.id}
      jsonLd={{
        '@context': 'https://schema.org',
        '@type': 'AdministrativeArea',
        name: province,
        description,
        inLanguage: lang,
        containedInPlace: { '@type': 'Country', name: 'Việt Nam' },
        ...(links.absolute ? { url: links.absolute(pageFile(r.id, lang)) } : {}),
      }}
      links={links}
      regionId={r.id}
      asOf={r.asOf}
    >
      <h1>{title}</h1>
      <p className="lead">
        {t.page_counts(kcn, ccn)} · {t.stats_area}: {formatHa(declared, lang)}
      </p>
      <p className="to-map">
        <a href={mapLink(r.id, lang)}>{t.page_viewOnMap}</a>
      </p>
      {/* Left off in print (page.css): the table is the page's content, and unlabelled dots tell a reader on
          paper nothing the table does not; without it the whole province fits one A4 page. */}
      <figure className="locator province-locator">
        <img decoding="async" src={`${r.id}.svg`} width={600} height={315} alt={t.page_allSites} />
      </figure>
      <table className="sites">
        <caption>{t.page_allSites}</caption>
        <thead>
          <tr>
            <th scope="col">{t.col_name}</th>
            <th scope="col">{t.field_status}</th>
            <th scope="col">{t.field_commune}</th>
            <th scope="col" className="num">{t.field_declaredArea} (ha)</th>
            <th scope="col" className="num">{t.page_computedHa} (ha)</th>
            <th scope="col" className="num">{t.page_cleanLand} (ha)</th>
            <th scope="col" className="num">{t.field_occupancy} (%)</th>
          </tr>
        </thead>
        <tbody>
          {report.sites.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <a href={pageFile(s.id, lang)}>{siteTitle(t, s.kind, s.name[lang])}</a>
              </th>
              <td>{t[`status_${s.status}` as MessageKey] as string}</td>
              <td>{s.commune}</td>
              <td className="num">{ha(s.declaredHa, lang)}</td>
              <td className="num">{ha(region.areas[s.id]?.computedHa, lang)}</td>
              <td className="num">
                {s.clearance && s.clearance.method !== 'none' ? `${ha(s.clearance.clearedHa, lang)}${s.clearance.sample ? ' †' : ''}` : '—'}
              </td>
              <td className="num">{s.occupancyPct === null ? '—' : formatSourcedPct(s.occupancyPct, lang).replace('%', '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        — : {t.notInSources}. {report.sample ? `† ${t.sampleBadge}.` : ''}
      </p>
    </PageShell>
  );
}
