// The presentation story of a region (data/regions/<id>/story.json): slides with a title and text in
// both languages, a camera, the layers shown, the sites highlighted and widgets that show figures
// computed from the data (targets) or read from it (a site's area, a road's length), never typed in.
// Like the other files it is edited by hand, so it is checked here against the region it belongs to.
import { z } from './z';
import { isoDate, LocalizedText, SourceRef } from './schemaFields';
import type { Region } from './schema';
import { LAYER_KEYS, type LayerKey } from './layers';

/** the slug of schema.ts (ids like lc-kcn-tang-loong), reused rather than repeated */
const slug = SourceRef.shape.doc;

const layerKey = z.custom<LayerKey>((v) => typeof v === 'string' && (LAYER_KEYS as readonly string[]).includes(v), {
  message: `lớp không có; các lớp là: ${LAYER_KEYS.join(', ')}`,
});

export const StoryCamera = z.object({
  center: z.tuple([
    z.number().min(-180, 'kinh độ từ -180 đến 180').max(180, 'kinh độ từ -180 đến 180'),
    z.number().min(-90, 'vĩ độ từ -90 đến 90 (tọa độ viết [kinh độ, vĩ độ])').max(90, 'vĩ độ từ -90 đến 90 (tọa độ viết [kinh độ, vĩ độ])'),
  ]),
  zoom: z.number().min(0, 'mức thu phóng từ 0 đến 22').max(22, 'mức thu phóng từ 0 đến 22'),
  bearing: z.number().min(-360).max(360).default(0),
  pitch: z.number().min(0).max(85, 'góc nghiêng tối đa 85°').default(0),
});

/** A figure read from the region's data, shown with its source: a site, a road or a relocation; or the
 *  region's counts of parks and clusters, computed from its sites. */
export const StoryFigure = z.discriminatedUnion('type', [
  z.object({ type: z.literal('region') }),
  z.object({ type: z.literal('site'), id: slug }),
  z.object({ type: z.literal('road'), id: slug }),
  z.object({ type: z.literal('relocation'), id: slug }),
]);
export type StoryFigure = z.infer<typeof StoryFigure>;

export const StorySlide = z.object({
  id: slug,
  title: LocalizedText,
  /** paragraphs separated by line breaks; rendered as text */
  text: LocalizedText.optional(),
  camera: StoryCamera,
  /** the layers shown; without it, every layer */
  layers: z.array(layerKey).optional(),
  /** site ids drawn with emphasis */
  highlight: z.array(slug).default([]),
  /** target ids of region.json whose computed progress is shown */
  targets: z.array(slug).default([]),
  figures: z.array(StoryFigure).default([]),
  /** documents the slide's text rests on (region.json `sources`) */
  sources: z.array(SourceRef.omit({ about: true })).default([]),
  /** the date the map, the totals and the chart are shown at (the date slider), YYYY-MM-DD */
  at: isoDate.optional(),
  /** play the cleared land from `from` to `to` while the slide shows (the date slider playing) */
  play: z
    .object({ from: isoDate, to: isoDate, speed: z.enum(['slow', 'fast']).default('slow') })
    .refine((p) => p.from < p.to, { message: 'ngày bắt đầu phát phải trước ngày kết thúc', path: ['to'] })
    .optional(),
  /** kiosk: how long this slide stays, instead of the story's `slideSeconds` */
  durationSeconds: z.number().positive('thời lượng phải lớn hơn 0').optional(),
});
export type StorySlide = z.infer<typeof StorySlide>;

export const KIOSK_DEFAULTS = { slideSeconds: 20, idleSeconds: 60 } as const;

export const Story = z.object({
  title: LocalizedText,
  kiosk: z
    .object({
      /** how long a slide stays when the story plays itself */
      slideSeconds: z.number().positive('thời lượng phải lớn hơn 0').default(KIOSK_DEFAULTS.slideSeconds),
      /** after this long without input, the story goes back to its first slide and plays on */
      idleSeconds: z.number().positive('thời lượng phải lớn hơn 0').default(KIOSK_DEFAULTS.idleSeconds),
    })
    .default({ ...KIOSK_DEFAULTS }),
  slides: z.array(StorySlide).min(1, 'câu chuyện cần ít nhất một trang'),
});
export type Story = z.infer<typeof Story>;

/** A problem of story.json, placed on its slide (0-based) when it belongs to one. */
export interface StoryIssue {
  slide?: number;
  slideId?: string;
  /** dotted path inside the slide (or the file, without a slide) */
  field: string;
  message: string;
}

/** Where an issue is, in the words of the other validation messages: "trang 3 "ic18" › highlight.0". */
export function storyIssueField(issue: StoryIssue): string {
  if (issue.slide === undefined) return issue.field;
  const slide = `trang ${issue.slide + 1}${issue.slideId ? ` "${issue.slideId}"` : ''}`;
  return issue.field ? `${slide} › ${issue.field}` : slide;
}

const StoryEnvelope = Story.extend({ slides: z.array(z.unknown()).min(1, 'câu chuyện cần ít nhất một trang') });

export interface ParsedStory {
  /** the whole story, or null when anything in it is wrong */
  story: Story | null;
  /** the slides that are well formed, with their place in the file, so their ids can be checked too */
  slides: [number, StorySlide][];
  issues: StoryIssue[];
}

/** The shape of story.json. Each slide is parsed on its own, so one bad slide does not hide the others' problems. */
export function parseStory(json: unknown): ParsedStory {
  const issues: StoryIssue[] = [];
  const env = StoryEnvelope.safeParse(json);
  if (!env.success) {
    for (const e of env.error.issues) issues.push({ field: e.path.map(String).join('.') || '(cả tệp)', message: e.message });
  }
  const rawSlides = (json as { slides?: unknown } | null)?.slides;
  const slides: [number, StorySlide][] = [];
  // Ids are compared on every slide, well formed or not: a copied slide keeps its id even when broken.
  const seen = new Map<string, number>();
  (Array.isArray(rawSlides) ? rawSlides : []).forEach((raw: unknown, i) => {
    const parsed = StorySlide.safeParse(raw);
    const rawId = (raw as { id?: unknown } | null)?.id;
    const slideId = typeof rawId === 'string' ? rawId : undefined;
    const at = { slide: i, ...(slideId ? { slideId } : {}) };
    if (parsed.success) slides.push([i, parsed.data]);
    else for (const e of parsed.error.issues) issues.push({ ...at, field: e.path.map(String).join('.'), message: e.message });
    if (slideId !== undefined) {
      const prev = seen.get(slideId);
      if (prev !== undefined) issues.push({ ...at, field: 'id', message: `mã trang trùng với trang ${prev + 1}` });
      else seen.set(slideId, i);
    }
  });
  const story = env.success && issues.length === 0 ? { ...env.data, slides: slides.map(([, sl]) => sl) } : null;
  return { story, slides, issues };
}

export interface StoryContext {
  region: Region;
  siteIds: ReadonlySet<string>;
  roadIds: ReadonlySet<string>;
  relocationIds: ReadonlySet<string>;
}

const FIGURE_FILE: Record<Exclude<StoryFigure['type'], 'region'>, { file: string; what: string }> = {
  site: { file: 'sites.geojson', what: 'khu/cụm' },
  road: { file: 'roads.geojson', what: 'tuyến đường' },
  relocation: { file: 'relocations.geojson', what: 'di dời' },
};

/** The slides against their region: every id they name exists, and every camera looks at the province. */
export function checkSlides(slides: readonly [number, StorySlide][], ctx: StoryContext): StoryIssue[] {
  const issues: StoryIssue[] = [];
  const targetIds = new Set(ctx.region.targets.map((t) => t.id));
  const docs = new Set(Object.keys(ctx.region.sources));
  const [w, s, e, n] = ctx.region.bbox;
  // A camera a little outside the bbox can frame a border park; far outside is swapped coordinates.
  const margin = 0.5;
  for (const [i, slide] of slides) {
    const at = (field: string, message: string) => issues.push({ slide: i, slideId: slide.id, field, message });
    const [lon, lat] = slide.camera.center;
    if (lon < w - margin || lon > e + margin || lat < s - margin || lat > n + margin) {
      at('camera.center', `tâm [${lon}, ${lat}] nằm ngoài vùng của tỉnh (bbox ${ctx.region.bbox.join(', ')}); kinh độ đứng trước vĩ độ`);
    }
    slide.highlight.forEach((id, k) => {
      if (!ctx.siteIds.has(id)) at(`highlight.${k}`, `khu/cụm "${id}" không có trong sites.geojson`);
    });
    slide.targets.forEach((id, k) => {
      if (!targetIds.has(id)) at(`targets.${k}`, `mục tiêu "${id}" không có trong region.json › targets`);
    });
    slide.figures.forEach((f, k) => {
      if (f.type === 'region') return;
      const ids = f.type === 'site' ? ctx.siteIds : f.type === 'road' ? ctx.roadIds : ctx.relocationIds;
      const { file, what } = FIGURE_FILE[f.type];
      if (!ids.has(f.id)) at(`figures.${k}.id`, `${what} "${f.id}" không có trong ${file}`);
    });
    slide.sources.forEach((src, k) => {
      if (!docs.has(src.doc)) at(`sources.${k}.doc`, `nguồn "${src.doc}" không có trong region.json › sources`);
    });
  }
  return issues;
}
