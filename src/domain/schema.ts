// Runtime schema of a region's data files. Region data is edited by hand (and later by provinces),
// so every file is checked before it reaches the store; the messages name file, feature and field.
// zod gives typed parsing with paths to the failing field, which is exactly what the messages need.
import { z } from './z';
import { SITE_STATUSES } from './siteStatus';
import { DocRef, DocumentInconsistency, LegalBasis, ReportingDuty, Rule } from './obligations';
import { finiteNonNeg, isoDate, LocalizedText, slug, SourceRef, webUrl } from './schemaFields';

export const Decision = z.object({
  number: z.string().min(1),
  /** left out when the source gives the number only: a date is never guessed */
  date: isoDate.optional(),
  /** a caveat on the decision as printed (e.g. a date later than the document citing it) */
  note: LocalizedText.optional(),
});

export const SiteKind = z.enum(['kcn', 'ccn']);
export const SiteStatus = z.enum(SITE_STATUSES);
export type SiteStatus = z.infer<typeof SiteStatus>;
export const GeometryQuality = z.enum(['surveyed', 'provisional', 'indicative']);
export type GeometryQuality = z.infer<typeof GeometryQuality>;
export const Confidence = z.enum(['high', 'medium', 'low']);

/** Another name under which a source lists the site (a merge of two lists), with that source. */
export const SiteAlias = z.object({ name: z.string().min(1), source: SourceRef.omit({ about: true }) });
export type SiteAlias = z.infer<typeof SiteAlias>;

const otherFigureCommon = {
  /** the name the other source gives the site, when it differs */
  name: z.string().min(1).optional(),
  source: SourceRef.omit({ about: true }),
  note: LocalizedText.optional(),
};
/** A figure another source gives differently: both are kept and shown, neither is chosen silently. */
export const OtherFigure = z.discriminatedUnion('about', [
  z.object({ about: z.literal('declaredAreaHa'), areaHa: z.number().finite().positive(), ...otherFigureCommon }),
  z.object({ about: z.literal('status'), status: SiteStatus, ...otherFigureCommon }),
  z.object({ about: z.literal('location'), point: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]), ...otherFigureCommon }),
]);
export type OtherFigure = z.infer<typeof OtherFigure>;

export const SiteProperties = z.object({
  id: slug,
  kind: SiteKind,
  name: LocalizedText,
  status: SiteStatus,
  phase: z.string().optional(),
  declaredAreaHa: z.number().finite().positive('diện tích phải lớn hơn 0').optional(),
  investor: z.string().optional(),
  decision: Decision.optional(),
  investmentBnVnd: finiteNonNeg.optional(),
  occupancyPct: z.number().min(0).max(100).optional(),
  wastewater: z.enum(['operating', 'under-construction', 'planned', 'none']).optional(),
  commune: z.string().min(1),
  communeOld: z.string().optional(),
  /** an expansion of another site: documents count its area, not as a site of its own */
  expansionOf: slug.optional(),
  /** district (huyện) before the 2025 reform: planning decisions of 2021–2025 tabulate by it */
  district: z.string().min(1).optional(),
  geometryQuality: GeometryQuality,
  /** how sure the located point is (from facts/places.csv) */
  locationConfidence: Confidence,
  note: LocalizedText.optional(),
  // Investor figures, each backed by a dated source (src/domain/investorChecks.ts checks it).
  /** land let to enterprises, ha */
  leasedHa: finiteNonNeg.optional(),
  /** land still to let, ha, where a source gives it (otherwise computed: src/domain/investorFigures.ts) */
  availableHa: finiteNonNeg.optional(),
  enterprises: z.number().int().nonnegative().optional(),
  industries: LocalizedText.optional(),
  yearEstablished: z.number().int().min(1900).max(2100).optional(),
  /** state of the infrastructure in the source's words (e.g. "đang giải phóng mặt bằng") */
  infrastructure: LocalizedText.optional(),
  /** development direction of a planned site: industries and timing */
  direction: LocalizedText.optional(),
  aliases: z.array(SiteAlias).optional(),
  otherFigures: z.array(OtherFigure).optional(),
  sources: z.array(SourceRef).min(1, 'mỗi khu/cụm cần ít nhất một nguồn'),
});
export type SiteProperties = z.infer<typeof SiteProperties>;

export const RoadProperties = z.object({
  id: slug,
  role: z.enum(['connector', 'expressway', 'national', 'railway']),
  name: LocalizedText,
  status: z.enum(['operating', 'under-construction', 'approved', 'proposed']),
  lengthKmDeclared: finiteNonNeg.optional(),
  investmentBnVnd: finiteNonNeg.optional(),
  /** the figure first approved, when it has since been raised (e.g. 173 → 208) */
  investmentBnVndApproved: finiteNonNeg.optional(),
  decision: Decision.optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  geometryQuality: GeometryQuality,
  note: LocalizedText.optional(),
  sources: z.array(SourceRef).min(1),
});
export type RoadProperties = z.infer<typeof RoadProperties>;

export const RelocationProperties = z.object({
  id: slug,
  /** site ids that move */
  from: z.array(slug).min(1),
  /** destination site id, or null while no destination has been decided */
  to: slug.nullable(),
  name: LocalizedText,
  deadline: isoDate.optional(),
  /** how the source words the deadline, e.g. "quý IV/2026" */
  deadlineLabel: LocalizedText.optional(),
  households: z.number().int().nonnegative().optional(),
  /** "more than N" in the source */
  householdsAtLeast: z.boolean().optional(),
  reason: LocalizedText,
  status: z.enum(['planned', 'in-progress', 'done']),
  note: LocalizedText.optional(),
  sources: z.array(SourceRef).min(1),
});
export type RelocationProperties = z.infer<typeof RelocationProperties>;

export const LandmarkProperties = z.object({
  id: slug,
  kind: z.enum(['interchange', 'station', 'border-gate', 'airport', 'centre']),
  name: LocalizedText,
  locationConfidence: Confidence,
  sources: z.array(SourceRef).min(1),
});
export type LandmarkProperties = z.infer<typeof LandmarkProperties>;

/** Clearance (giải phóng mặt bằng → mặt bằng sạch) of a site, as of a date. A parcel is a drawn polygon
 *  with a status; a record is the figures of a report where no polygons are known. The same `id` may
 *  appear at several dates: the latest one on or before the report date counts. */
export const ClearanceStatus = z.enum(['cleared', 'in-progress', 'not-started']);
export type ClearanceStatus = z.infer<typeof ClearanceStatus>;

const clearanceCommon = {
  id: slug,
  siteId: slug,
  asOf: isoDate,
  /** made up to show the mechanism where the plan's appendices are not public; always labelled in the UI */
  sample: z.boolean(),
  note: LocalizedText.optional(),
  sources: z.array(SourceRef).min(1),
};

export const ClearanceParcelProperties = z.object({
  kind: z.literal('parcel'),
  status: ClearanceStatus,
  ...clearanceCommon,
});
export type ClearanceParcelProperties = z.infer<typeof ClearanceParcelProperties>;

export const ClearanceRecordProperties = z.object({
  kind: z.literal('record'),
  clearedHa: finiteNonNeg,
  inProgressHa: finiteNonNeg.optional(),
  remainingHa: finiteNonNeg.optional(),
  ...clearanceCommon,
});
export type ClearanceRecordProperties = z.infer<typeof ClearanceRecordProperties>;

export const ClearanceProperties = z.discriminatedUnion('kind', [ClearanceParcelProperties, ClearanceRecordProperties]);
export type ClearanceProperties = z.infer<typeof ClearanceProperties>;

export const Source = z.object({
  title: LocalizedText,
  issuer: z.string().optional(),
  date: isoDate.optional(),
  url: webUrl.optional(),
  /** a seed file or a note on how it was obtained */
  note: z.string().optional(),
  /** a table of ours that gathers figures (facts/*.md), not a document: it cannot be a figure's only source */
  compiled: z.boolean().optional(),
});

export const Target = z.object({
  id: slug,
  label: LocalizedText,
  /** computed metrics come from the data; `entered` ones carry their value and source */
  metric: z.enum([
    'clearedHa',
    'newlyEstablishedHa',
    'relocationsDone',
    'wastewaterKcnPct',
    'digitalSupportPct',
    'infrastructureComplete',
    'ecoConversion',
    /** sites of `kind` operating with occupancy ≥ `threshold` % */
    'operatingSites',
    'wastewaterCcnPct',
    /** a figure the data cannot compute (growth, GRDP share…): only `entered` */
    'entered',
  ]),
  comparator: z.enum(['>=', 'about>', '=', 'done']),
  value: z.number().finite().nullable(),
  unit: z.enum(['ha', 'pct', 'count', 'task']),
  deadline: isoDate,
  deadlineLabel: LocalizedText.optional(),
  lead: LocalizedText.optional(),
  source: SourceRef.omit({ about: true }),
  /** for operatingSites: the kind of site counted and the minimum occupancy (%) */
  kind: SiteKind.optional(),
  threshold: z.number().finite().optional(),
  /** "3–4": the upper end of a range target (value is the lower end) */
  valueMax: z.number().finite().optional(),
  /** counting starts here: progress is the change since this date (e.g. land cleared during 2026) */
  periodStart: isoDate.optional(),
  /** the relocations a relocationsDone target counts */
  relocationIds: z.array(slug).optional(),
  /** the sites behind the target (click-through), when the metric does not say; for operatingSites, the only
   *  sites that may count (those that can start operating in the period, not ones operating before it) */
  siteIds: z.array(slug).optional(),
  /** how the target is read where the document's words need it (e.g. what is left out and why) */
  note: LocalizedText.optional(),
  /** for metrics the data cannot compute (e.g. enterprises supported): the reported figure and its source */
  entered: z
    .object({ value: z.number().finite(), asOf: isoDate, source: SourceRef.omit({ about: true }) })
    .optional(),
});
export type Target = z.infer<typeof Target>;

export const CapitalLine = z.object({
  id: slug,
  label: LocalizedText,
  valueBnVnd: finiteNonNeg,
  siteIds: z.array(slug).optional(),
  roadId: slug.optional(),
  source: SourceRef.omit({ about: true }),
});

export const CapitalPart = z.object({
  id: slug,
  label: LocalizedText,
  valueBnVnd: finiteNonNeg,
  lines: z.array(CapitalLine),
});

/** Figures of a document's table, for the app to re-add from the site rows and show any difference. */
const TableFigures = z.object({
  count: z.number().int().nonnegative().optional(),
  areaHa: finiteNonNeg.optional(),
  sharePct: z.number().min(0).max(100).optional(),
});
export const DocumentTable = z.object({
  id: slug,
  label: LocalizedText,
  source: SourceRef.omit({ about: true }),
  /** the sites the document's table covers */
  siteIds: z.array(slug).min(1),
  /** rows group the sites by this field; without it the table is a single total */
  groupBy: z.enum(['district', 'commune', 'phase', 'status', 'kind']).optional(),
  rows: z.array(TableFigures.extend({ key: z.string().min(1) })).default([]),
  total: TableFigures.optional(),
  note: LocalizedText.optional(),
});
export type DocumentTable = z.infer<typeof DocumentTable>;

export const Contact = z.object({
  /** which sites this contact answers for */
  kinds: z.array(SiteKind).min(1),
  name: LocalizedText,
  role: LocalizedText.optional(),
  phone: z.string().min(1).optional(),
  url: webUrl.optional(),
  source: SourceRef.omit({ about: true }),
});
export type Contact = z.infer<typeof Contact>;

export const Region = z.object({
  id: slug,
  name: LocalizedText,
  /** [west, south, east, north] in degrees */
  bbox: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .refine(([w, s, e, n]) => w < e && s < n, 'bbox phải là [tây, nam, đông, bắc]'),
  /** central meridian of the VN-2000 TM-3 zone, in decimal degrees (104°45′ = 104.75) */
  vn2000Zone: z.number().min(102).max(110),
  /** basemap province feature(s) this region draws as its boundary */
  basemapProvinceId: slug,
  asOf: isoDate,
  targets: z.array(Target),
  capital: z.object({
    totalBnVnd: finiteNonNeg,
    /** the total is our sum of the parts (the document gives only the parts): shown labelled as computed */
    totalIsSum: z.boolean().optional(),
    source: SourceRef.omit({ about: true }),
    parts: z.array(CapitalPart),
  }),
  sources: z.record(slug, Source),
  /** tables of the source documents, checked against the site rows */
  documentTables: z.array(DocumentTable).default([]),
  /** for the national overview: a point to label the region at country scale */
  labelPoint: z.tuple([z.number(), z.number()]).optional(),
  /** standing rules that govern parks, shown on the targets panel and the fact sheets they apply to */
  rules: z.array(Rule).default([]),
  /** recurring reports the documents order; the targets panel and the report show the next due date */
  reportingDuties: z.array(ReportingDuty).default([]),
  /** decrees and decisions the documents rest on */
  legalBasis: z.array(LegalBasis).default([]),
  /** passages of the documents that disagree with each other, shown rather than silently resolved */
  inconsistencies: z.array(DocumentInconsistency).default([]),
  /** headline figures of a document the site rows cannot re-add (e.g. the provincial plan's 38 CCN, about 1,952 ha) */
  planFigures: z
    .array(
      z.object({
        id: slug,
        label: LocalizedText,
        count: z.number().int().nonnegative().optional(),
        areaHa: finiteNonNeg.optional(),
        /** "khoảng": the document rounds it */
        approx: z.boolean().default(false),
        source: DocRef,
      }),
    )
    .default([]),
  /** whom an investor calls, by site kind, as the sources name them (a fact sheet's contact line) */
  contacts: z.array(Contact).default([]),
  /** an optional rate for showing money in USD beside VND; the rate and its date are shown with every figure */
  usdRate: z
    .object({ vndPerUsd: z.number().positive().finite(), asOf: isoDate, source: SourceRef.omit({ about: true }) })
    .optional(),
  /** a large layer (e.g. cadastral parcels) as a PMTiles archive beside the app or on a CDN, read by range requests;
   *  url is relative to the app's page (so a sub-path works) or https; minzoom: the first zoom it is drawn at */
  parcelTiles: z
    .object({
      url: z.string().regex(/^(https:\/\/|[^:]+$)/, 'url: đường dẫn tương đối so với ứng dụng (vd. tiles/thua-dat.pmtiles) hoặc https://'),
      layer: z.string().min(1),
      minzoom: z.number().int().min(0).max(22).optional(),
      attribution: z.string().optional(),
      label: LocalizedText.optional(),
    })
    .optional(),
  /** basemap-detail: the basemap the province opens with (embedded unless it says otherwise) and its detailed
   *  OpenStreetMap archive (npm run build:basemap:osm), url relative to the app's page like parcelTiles.url */
  basemap: z
    .object({
      default: z.enum(['embedded', 'detailed', 'online']).default('embedded'),
      detailed: z.object({ url: z.string().regex(/^(https:\/\/|[^:]+$)/, 'url: đường dẫn tương đối so với ứng dụng (vd. basemap/osm-detail.pmtiles) hoặc https://') }).optional(),
    })
    .refine((b) => b.default !== 'detailed' || b.detailed, 'default "detailed" cần basemap.detailed.url')
    .optional(),
});
export type Region = z.infer<typeof Region>;
