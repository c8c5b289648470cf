// English strings: the static pages per site and per province. Typed by the Vietnamese part, so a missing key is a type error.
import type { pagesMessages as vi } from '../vi/pages';

export const pagesMessages: typeof vi = {
  fact_page: 'Page of this site',
  page_viewOnMap: 'View on the map',
  page_otherLang: 'Tiếng Việt',
  page_provinceTitle: (province: string) => `Industrial parks and clusters of ${province}`,
  page_siteDescription: (title: string, status: string, commune: string, province: string, area: string | null) =>
    `${title}, ${commune}, ${province} province: ${status.toLowerCase()}${area ? `, declared area ${area}` : ''}. Area computed from the map, clean land, occupancy, investor, decision and the source of every figure.`,
  page_provinceDescription: (province: string, kcn: number, ccn: number) =>
    `${kcn} industrial parks and ${ccn} industrial clusters of ${province} province: status, area, clean land, occupancy and the source of every figure.`,
  page_mapAlt: (title: string, province: string) => `Small map: where ${title} lies in ${province} province`,
  page_noPositionAlt: (province: string) => `Small map of ${province} province; the sources do not give this site's position`,
  page_allSites: 'Parks and clusters of the province',
  page_staticNote: 'This page is built together with the map, from the same data.',
  page_computedHa: 'Area computed from the map',
  page_cleanLand: 'Clean land',
  page_counts: (kcn: number, ccn: number) => `${kcn} industrial parks, ${ccn} industrial clusters`,
};
