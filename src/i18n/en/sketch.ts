// English strings: sketch and measure. Typed by the Vietnamese part, so a missing key is a type error.
import type { sketchMessages as vi } from '../vi/sketch';

export const sketchMessages: typeof vi = {
  // — sketch & measure (src/features/sketch) —
  sketch_open: 'Sketch & measure',
  sketch_openHint: 'Draw areas or lines on the map to measure their area or length; a drawn area can be marked as site clearance',
  sketch_toolbar: 'Sketch and measure tools',
  sketch_polygon: 'Area',
  sketch_line: 'Line',
  sketch_edit: 'Edit',
  sketch_delete: 'Delete',
  sketch_done: 'Done',
  sketch_hint_polygon: 'Click to place each corner; click the first or last corner again to close the area. Esc: drop the shape being drawn.',
  sketch_hint_linestring: 'Click to place each point; click the last point again or press Enter to finish. Esc: drop the shape being drawn.',
  sketch_hint_select: 'Click a shape to select it; drag a corner to move it, drag the middle of an edge to add a corner.',
  sketch_area: 'Area',
  sketch_length: 'Length',
  sketch_ellipsoidal: 'on the WGS84 ellipsoid',
  sketch_list: 'Your sketches',
  sketch_none: 'No sketches yet.',
  sketch_name: 'Sketch name',
  sketch_untitled: (polygon: boolean, n: number) => `${polygon ? 'Area' : 'Line'} ${n}`,
  sketch_remove: 'Remove sketch',
  sketch_tagTitle: 'Mark as site clearance',
  sketch_site: 'Site',
  sketch_status: 'Status',
  sketch_date: 'As of',
  sketch_tag: 'Mark',
  sketch_untag: 'Unmark',
  sketch_counts: (site: string) => `Counts in the clearance totals of ${site}`,
  sketch_afterReport: 'This date is after the report date, so it is not in the totals yet.',
  sketch_replacesRecord: (ha: string, date: string) =>
    `Note: this site's clean land is a reported figure (${ha}, as of ${date}). Once it has drawn parcels, its total is computed from them instead of that figure, so it may go down. Draw every cleared plot.`,
  sketch_notStarted: 'Not started',
  sketch_storageQuota: (names: string) => `The browser's storage is full: sketch ${names} stays on the map but will be gone after a reload.`,
  sketch_storageCorrupt: (names: string) => `The stored sketch ${names} could not be opened again because its saved data is damaged; the other sketches loaded normally.`,
  sketch_storageUnavailable: 'This browser does not allow storing data: the sketches will be gone after a reload.',
};
