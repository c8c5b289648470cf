// The polygons of one imported layer, each with the park or cluster it outlines: a suggestion from
// the name (and the located point inside it) that one button accepts for all, and a choice by hand of
// any site of the region, or none. A linked polygon becomes the site's outline everywhere.
import { useMemo } from 'react';
import { suggestLinks, type LinkSuggestion } from '../../domain/siteLinks';
import { localeOf } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { keptFeatures, type ImportedLayer } from '../../domain/importedLayer';
import { siteTitle } from '../../i18n/siteTitle';

/** Rows drawn at most: each is a select of every site; a survey of thousands of lots is not a list of parks. */
const MAX_ROWS = 100;

export function SiteLinks({ layer }: { layer: ImportedLayer }) {
  const { t, lang } = useT();
  const store = useAppStoreApi();
  const region = useAppStore((s) => s.loadedRegion);
  const allLinks = useAppStore((s) => s.siteLinks);
  const polygons = useMemo(
    // A polygon the planner left out is no site's outline.
    () => keptFeatures(layer).filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'),
    [layer],
  );
  // Suggestions read the loaded region: its located points, not the centres of outlines already linked.
  const suggestions = useMemo(
    () => new Map<number, LinkSuggestion>(region ? suggestLinks(region, polygons).map((s) => [s.featureIndex, s]) : []),
    [region, polygons],
  );
  const sites = useMemo(() => {
    if (!region) return [];
    const collator = new Intl.Collator(localeOf(lang));
    return region.data.sites.features
      .map((f) => ({ id: f.properties.id, label: siteTitle(t, f.properties.kind, f.properties.name[lang]) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [region, lang, t]);
  if (!region || polygons.length === 0) return null;

  const labelOf = new Map(sites.map((s) => [s.id, s.label]));
  const links = allLinks.filter((l) => l.layerId === layer.id);
  const linkOf = (i: number) => links.find((l) => l.featureIndex === i);
  const pending = [...suggestions.values()].filter((s) => !linkOf(s.featureIndex));
  const s = store.getState();
  return (
    <section className="import-links" aria-label={t.link_title}>
      <h4>{t.link_title}</h4>
      <p className="muted small">{t.link_hint}</p>
      <button
        type="button"
        data-testid="link-accept-all"
        disabled={pending.length === 0}
        onClick={() => s.addSiteLinks(pending.map((p) => ({ layerId: layer.id, featureIndex: p.featureIndex, siteId: p.siteId, manual: false })))}
      >
        {t.link_acceptAll(pending.length)}
      </button>
      <ul className="plain">
        {polygons.slice(0, MAX_ROWS).map((f) => {
          const i = f.properties.index;
          const name = f.properties.name ?? t.link_unnamed(i + 1);
          const link = linkOf(i);
          const sug = suggestions.get(i);
          return (
            <li key={i} data-feature-index={i}>
              <label>
                <span className="import-link-name">{name}</span>
                <select
                  aria-label={`${t.link_select}: ${name}`}
                  value={link?.siteId ?? ''}
                  onChange={(e) => s.setSiteLink(layer.id, i, e.target.value || null, true)}
                >
                  <option value="">{t.link_none}</option>
                  {sites.map((site) => (
                    <option key={site.id} value={site.id}>
                      {site.label}
                    </option>
                  ))}
                </select>
              </label>
              {link?.siteId ? (
                <span className="import-link-state">{link.manual ? t.link_linkedManual : t.link_linked}</span>
              ) : !link && sug ? (
                <span className="import-link-state muted">{t.link_suggested(labelOf.get(sug.siteId) ?? sug.siteId, t[`link_why_${sug.confidence}`])}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
