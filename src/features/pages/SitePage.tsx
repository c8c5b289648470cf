// The static page of one park or cluster (built by scripts/build-pages.ts, read without JavaScript): the
// fact sheet's own rows, tasks, rules and numbered sources — the app's components, rendered once in Node —
// inside a plain document with the head a search engine and a link preview read.
import type { ReactNode } from 'react';
import type { PreparedRegion } from '../../domain/prepare';
import type { SiteRow } from '../../analytics/report';
import { formatHa, type Lang } from '../../i18n/format';
import type { MessageKey, Messages } from '../../i18n/messages';
import { siteTitle } from '../../i18n/siteTitle';
import { siteView, SourceList, Table } from '../details/factSheetView';
import { SiteObligations } from '../details/SiteObligations';
import { PageShell, anchorOf, mapLink, pageFile, type PageLinks } from './PageShell';

export interface SitePageInput {
  region: PreparedRegion;
  siteId: string;
  row: SiteRow | undefined;
  t: Messages;
  lang: Lang;
  links: PageLinks;
}

/** schema.org Place: name, address (commune, province), position, and the page as its url. */
function placeJsonLd(input: SitePageInput, title: string, description: string): Record<string, unknown> {
  const { region, siteId, lang } = input;
  const f = region.data.sites.features.find((x) => x.properties.id === siteId)!;
  const pt = anchorOf(region, siteId);
  return {
    '@context': 'https://schema.org',
    '@type': 'Place',
    name: title,
    description,
    inLanguage: lang,
    address: {
      '@type': 'PostalAddress',
      addressLocality: f.properties.commune,
      addressRegion: region.data.region.name[lang],
      addressCountry: 'VN',
    },
    ...(pt ? { geo: { '@type': 'GeoCoordinates', longitude: pt[0], latitude: pt[1] } } : {}),
    ...(input.links.absolute ? { url: input.links.absolute(pageFile(siteId, lang)) } : {}),
  };
}

export function SitePage(input: SitePageInput): ReactNode {
  const { region, siteId, row, t, lang, links } = input;
  const view = siteView(region, siteId, t, lang, row);
  const p = region.data.sites.features.find((x) => x.properties.id === siteId)?.properties;
  if (!view || !p) throw new Error(`không có khu, cụm ${siteId}`);
  const province = region.data.region.name[lang];
  const title = siteTitle(t, p.kind, p.name[lang]);
  const status = t[`status_${p.status}` as MessageKey] as string;
  const description = t.page_siteDescription(title, status, p.commune, province, p.declaredAreaHa !== undefined ? formatHa(p.declaredAreaHa, lang) : null);
  const located = !region.unlocatedSiteIds.includes(siteId);
  return (
    <PageShell
      lang={lang}
      t={t}
      title={`${title} — ${province}`}
      description={description}
      file={(l) => pageFile(siteId, l)}
      image={siteId}
      jsonLd={placeJsonLd(input, title, description)}
      links={links}
      regionId={region.data.region.id}
      asOf={region.data.region.asOf}
    >
      <nav aria-label={t.page_allSites} className="crumbs">
        <a href={pageFile(region.data.region.id, lang)}>{t.page_provinceTitle(province)}</a>
      </nav>
      <h1>{title}</h1>
      <p className="lead">
        {t[`kind_${p.kind}`]} · {status} · {p.commune}, {province}
      </p>
      <p className="to-map">
        <a href={mapLink(region.data.region.id, lang, siteId)} data-testid="page-map-link">
          {t.page_viewOnMap}
        </a>
      </p>
      <figure className="locator">
        <img decoding="async" src={`${siteId}.svg`} width={600} height={315} alt={located ? t.page_mapAlt(title, province) : t.page_noPositionAlt(province)} />
      </figure>
      {view.indicativeNote ? (
        <p className="badge-indicative">
          <strong>{t.indicativeBadge}.</strong> {view.indicativeNote}
        </p>
      ) : null}
      <Table rows={view.rows} sources={view.sources} t={t} />
      <SiteObligations siteId={siteId} />
      <SourceList sources={view.sources} region={region.data.region} t={t} lang={lang} />
    </PageShell>
  );
}
