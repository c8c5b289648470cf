// Column names and coded values of the exported files, in the interface language. Kept beside the
// exporters (not in the interface catalogue) because they name file fields, and a file made in
// Vietnamese must read the same whichever screen the planner opens it on.
import type { Lang } from '../../i18n/format';
import type { GeometryQuality, SiteStatus } from '../../domain/schema';

export type ColumnKey =
  | 'id'
  | 'kind'
  | 'name'
  | 'status'
  | 'commune'
  | 'quality'
  | 'declaredHa'
  | 'ellipsoidalHa'
  | 'vn2000Ha'
  | 'turfHa'
  | 'diffPct'
  | 'clearedHa'
  | 'inProgressHa'
  | 'remainingHa'
  | 'clearanceAsOf'
  | 'clearanceBasis'
  | 'occupancyPct'
  | 'leasedHa'
  | 'availableHa'
  | 'availableComputed'
  | 'enterprises'
  | 'investorAsOf';

export const COLUMN_ORDER: readonly ColumnKey[] = [
  'id',
  'kind',
  'name',
  'status',
  'commune',
  'quality',
  'declaredHa',
  'ellipsoidalHa',
  'vn2000Ha',
  'turfHa',
  'diffPct',
  'clearedHa',
  // Right after the first clearance figure: a figure resting on sample data or a sketch says so beside it.
  'clearanceBasis',
  'inProgressHa',
  'remainingHa',
  'clearanceAsOf',
  'occupancyPct',
  'leasedHa',
  'availableHa',
  'availableComputed',
  'enterprises',
  'investorAsOf',
];

export const COLUMNS: Record<Lang, Record<ColumnKey, string>> = {
  vi: {
    id: 'Mã',
    kind: 'Loại',
    name: 'Tên',
    status: 'Tình trạng',
    commune: 'Xã, phường',
    quality: 'Ranh giới',
    declaredHa: 'Diện tích theo văn bản (ha)',
    ellipsoidalHa: 'Diện tích elipxoit WGS84 (ha)',
    vn2000Ha: 'Diện tích mặt phẳng VN-2000 (ha)',
    turfHa: 'Diện tích mặt cầu (ha)',
    diffPct: 'Chênh lệch so với văn bản (%)',
    clearedHa: 'Đã giải phóng mặt bằng (ha)',
    inProgressHa: 'Đang giải phóng mặt bằng (ha)',
    remainingHa: 'Còn phải giải phóng (ha)',
    clearanceAsOf: 'Số liệu giải phóng mặt bằng đến ngày',
    clearanceBasis: 'Số liệu giải phóng mặt bằng là',
    occupancyPct: 'Tỷ lệ lấp đầy (%)',
    leasedHa: 'Đã cho thuê (ha)',
    availableHa: 'Còn cho thuê (ha)',
    availableComputed: 'Còn cho thuê là số tính (đã cho thuê ÷ lấp đầy − đã cho thuê)',
    enterprises: 'Số doanh nghiệp',
    investorAsOf: 'Số liệu cho thuê đến ngày',
  },
  en: {
    id: 'ID',
    kind: 'Kind',
    name: 'Name',
    status: 'Status',
    commune: 'Commune',
    quality: 'Outline',
    declaredHa: 'Declared area (ha)',
    ellipsoidalHa: 'Ellipsoidal area, WGS84 (ha)',
    vn2000Ha: 'VN-2000 planar area (ha)',
    turfHa: 'Spherical area (ha)',
    diffPct: 'Difference from declared (%)',
    clearedHa: 'Cleared (ha)',
    inProgressHa: 'Clearance in progress (ha)',
    remainingHa: 'Still to clear (ha)',
    clearanceAsOf: 'Clearance data as of',
    clearanceBasis: 'Clearance figures are',
    occupancyPct: 'Occupancy (%)',
    leasedHa: 'Leased (ha)',
    availableHa: 'Still available (ha)',
    availableComputed: 'Available land is computed (leased ÷ occupancy − leased)',
    enterprises: 'Enterprises',
    investorAsOf: 'Leasing figures as of',
  },
};

export const QUALITY: Record<Lang, Record<GeometryQuality, string>> = {
  vi: {
    surveyed: 'đo đạc',
    provisional: 'tạm vẽ',
    indicative: 'minh họa (vẽ từ diện tích văn bản, không phải ranh giới thật)',
  },
  en: {
    surveyed: 'surveyed',
    provisional: 'provisional',
    indicative: 'indicative (drawn from the declared area, not a real boundary)',
  },
};

export const STATUS: Record<Lang, Record<SiteStatus, string>> = {
  vi: {
    operating: 'Đang hoạt động',
    established: 'Đã thành lập',
    'under-construction': 'Đang xây dựng',
    planned: 'Quy hoạch',
    proposed: 'Đề xuất',
    relocating: 'Phải di dời',
    withdrawn: 'Đã rút khỏi quy hoạch',
    unstated: 'Nguồn chưa nêu trạng thái',
  },
  en: {
    operating: 'Operating',
    established: 'Established',
    'under-construction': 'Under construction',
    planned: 'Planned',
    proposed: 'Proposed',
    relocating: 'To be relocated',
    withdrawn: 'Withdrawn from the plan',
    unstated: 'Status not stated in the sources',
  },
};

export const YES_NO: Record<Lang, [string, string]> = { vi: ['có', 'không'], en: ['yes', 'no'] };

/** What a figure rests on when it is not a document's: sample data, a sketch drawn in the app, or both. */
export interface FigureBasis {
  sample: boolean;
  sketch: boolean;
}

const BASIS_WORDS: Record<Lang, Record<'sample' | 'sketch' | 'both', string>> = {
  vi: { sample: 'Số liệu minh họa', sketch: 'Phác thảo trên bản đồ', both: 'Số liệu minh họa và phác thảo trên bản đồ' },
  en: { sample: 'Sample figures', sketch: 'Sketched on the map', both: 'Sample figures and sketches on the map' },
};

/** The words that go beside such a figure, in the figure's own cell or the column next to it; null for a document's figure. */
export function basisNote(basis: FigureBasis, lang: Lang): string | null {
  const w = BASIS_WORDS[lang];
  return basis.sample && basis.sketch ? w.both : basis.sample ? w.sample : basis.sketch ? w.sketch : null;
}

/** A figure written with its note in brackets beside it: "12,5 (Số liệu minh họa)". */
export function withBasis(figure: string, basis: FigureBasis, lang: Lang): string {
  const note = basisNote(basis, lang);
  return note && figure !== '—' ? `${figure} (${note.toLocaleLowerCase(lang)})` : figure;
}
