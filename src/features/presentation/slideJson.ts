// "Add current view as a slide": one slide of story.json made from what the map shows now. The author
// pastes it into the story file; the text is left to them (the app does not write prose for a province).
import type { Camera, Selection } from '../../domain/view';
import { LAYER_KEYS, type Visibility } from '../../domain/layers';
import type { SiteProperties } from '../../domain/types';

export interface ViewForSlide {
  camera: Camera;
  visible: Visibility;
  highlighted: readonly string[];
  selected: Selection | null;
  regionName: { vi: string; en: string };
  sites: readonly SiteProperties[];
  /** ids already used by the story, so the new one does not clash */
  usedIds: readonly string[];
}

/** The JSON shape of a slide as story.json holds it (before defaults). */
export interface SlideJson {
  id: string;
  title: { vi: string; en: string };
  camera: Camera;
  layers: string[];
  highlight: string[];
  targets: string[];
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

function uniqueId(base: string, used: ReadonlySet<string>): string {
  if (!used.has(base)) return base;
  let k = 2;
  while (used.has(`${base}-${k}`)) k += 1;
  return `${base}-${k}`;
}

export function slideFromView(v: ViewForSlide): SlideJson {
  const highlight = [...v.highlighted];
  if (v.selected?.type === 'site' && !highlight.includes(v.selected.id)) highlight.push(v.selected.id);
  const byId = new Map(v.sites.map((p) => [p.id, p]));
  const first = highlight.map((id) => byId.get(id)).find((p) => p !== undefined);
  // A starting title the author will rewrite: the emphasised park, or the province.
  const title = first
    ? { vi: `${first.kind.toUpperCase()} ${first.name.vi}`, en: `${first.kind.toUpperCase()} ${first.name.en}` }
    : { ...v.regionName };
  const used = new Set(v.usedIds);
  const id = uniqueId(first ? first.id : `trang-${v.usedIds.length + 1}`, used);
  return {
    id,
    title,
    camera: {
      // 5 decimals of a degree is about a metre: finer is noise from the last drag.
      center: [round(v.camera.center[0], 5), round(v.camera.center[1], 5)],
      zoom: round(v.camera.zoom, 2),
      bearing: round(v.camera.bearing, 1),
      pitch: round(v.camera.pitch, 1),
    },
    layers: LAYER_KEYS.filter((k) => v.visible[k]),
    highlight,
    targets: [],
  };
}
