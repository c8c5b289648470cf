// One site as of a date. Rule 2, one method per site: the parcels as of D when there are any, else
// the latest record, else none; parcels and a record of the same site are never added (that would
// count the same land twice). Then the checks against the site's area.
import { parcelsOfSite } from './parcels';
import { freeze, outlineAreaHa, uniqueDocs, type Entry, type Parcel, type RecordEntry, type SiteInfo, type Strategy } from './model';
import type { ClearanceWarning, SiteClearance } from './types';

const AREA_EPS_HA = 1e-4; // 1 m²: below this an excess is round-off, not a finding

export function computeSite(site: SiteInfo, used: Entry[], strategy: Strategy): SiteClearance {
  const p = site.props;
  const warnings: ClearanceWarning[] = [];
  const siteAreaHa = p.declaredAreaHa ?? outlineAreaHa(site);
  const base = {
    siteId: p.id,
    commune: p.commune,
    siteAreaHa,
    outlineQuality: site.outline ? p.geometryQuality : null,
  };
  for (const e of used) {
    if (e.duplicated) warnings.push({ kind: 'duplicate-entry', siteId: p.id, entryId: e.props.id, asOf: e.props.asOf });
  }
  const parcels = used.filter((e): e is Parcel => e.props.kind === 'parcel').sort((a, b) => a.order - b.order);
  const records = used.filter((e): e is RecordEntry => e.props.kind === 'record');

  let result: Omit<SiteClearance, keyof typeof base | 'warnings'>;
  // remainingHa was derived from the site's area (and so clamped at 0), not reported
  let derivedRemaining = false;
  if (parcels.length > 0) {
    // Rule 2: parcels win; a record of the same site is not added (it would count the land twice).
    if (records.length > 0) {
      warnings.push({ kind: 'records-superseded', siteId: p.id, recordIds: records.map((r) => r.props.id).sort() });
    }
    result = parcelsOfSite(site, parcels, strategy, warnings);
    derivedRemaining = true;
  } else if (records.length > 0) {
    // Rule 2: no parcels, so the latest record (by date) stands for the site.
    const latestDate = records.reduce((d, r) => (r.props.asOf > d ? r.props.asOf : d), '');
    const tied = records.filter((r) => r.props.asOf === latestDate).sort((a, b) => (a.props.id < b.props.id ? -1 : 1));
    const rec = tied[tied.length - 1]!;
    if (tied.length > 1) {
      warnings.push({
        kind: 'records-same-date',
        siteId: p.id,
        recordIds: tied.map((r) => r.props.id),
        used: rec.props.id,
        asOf: latestDate,
      });
    }
    const r = rec.props;
    const inProgressHa = r.inProgressHa ?? 0;
    derivedRemaining = r.remainingHa === undefined;
    result = {
      method: 'record',
      dataAsOf: r.asOf,
      clearedHa: r.clearedHa,
      inProgressHa,
      notStartedHa: 0,
      // The record's own figure when it has one; else what the site's area leaves (never below 0).
      remainingHa: r.remainingHa ?? (siteAreaHa !== null ? Math.max(0, siteAreaHa - r.clearedHa - inProgressHa) : null),
      clippedAwayHa: 0,
      overlapHa: 0,
      clipped: false,
      sample: r.sample,
      sourceDocs: uniqueDocs([rec]),
      entryIds: [r.id],
    };
  } else {
    result = {
      method: 'none',
      dataAsOf: null,
      clearedHa: 0,
      inProgressHa: 0,
      notStartedHa: 0,
      remainingHa: null,
      clippedAwayHa: 0,
      overlapHa: 0,
      clipped: false,
      sample: false,
      sourceDocs: [],
      entryIds: [],
    };
  }

  if (result.method !== 'none' && siteAreaHa !== null) {
    if (result.clearedHa > siteAreaHa + AREA_EPS_HA) {
      warnings.push({ kind: 'cleared-exceeds-area', siteId: p.id, clearedHa: result.clearedHa, siteAreaHa });
    } else if (derivedRemaining && result.clearedHa + result.inProgressHa > siteAreaHa + AREA_EPS_HA) {
      warnings.push({
        kind: 'claimed-exceeds-area',
        siteId: p.id,
        clearedHa: result.clearedHa,
        inProgressHa: result.inProgressHa,
        siteAreaHa,
      });
    }
  }
  return freeze({ ...base, ...result, warnings });
}
