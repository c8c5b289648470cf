// `npm run area -- <file> [--zone 104.75] [--format text|json]`
//
// <file>: GeoJSON, or any file the app imports (zipped Shapefile, DXF, KML/KMZ, CSV).
//
// Prints the area of every polygon feature of a file by the three methods of DESIGN.md (WGS84
// ellipsoid — the headline; VN-2000 TM-3 plane — the cadastral method; Turf's sphere), with the
// totals. Features that are not polygons are listed as skipped; rings that cross themselves are
// flagged and kept out of the totals. Exits 1, with one message naming the file, when the input
// cannot be read.
//
// Thin on purpose: the measuring (`areaReport`) and the geometry checks live in src/analytics, so
// the app shows the same figures. GeoJSON is read here as it is, so that a bow-tie is measured and
// flagged rather than refused; every other format goes through the app's importers
// (src/io/import: the same reprojection with the VN-2000 datum shift, the same validation), and
// the features they refuse are listed with the importers' own messages.
import { areaReport } from '../src/analytics/area';
import { parseArgs, type Args } from './area/args';
import { InputError } from './area/inputError';
import { readFeatures, type Read } from './area/read';
import { renderText } from './area/render';

// ---- main ----

/**
 * The zone of the plane column: --zone when given, else the zone the imported file is in (its
 * .prj's, so the plane figures match the surveyor's), else Lào Cai's.
 */
function reportZone(args: Args, imported: Read['imported']): number {
  if (args.zoneGiven) return args.zone;
  return imported?.crs.kind === 'vn2000' ? imported.crs.zone : args.zone;
}

async function main(argv: readonly string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('-')) ?? '';
  try {
    const args = parseArgs(argv);
    const { features, imported } = await readFeatures(args);
    const report = areaReport(features, reportZone(args, imported));
    if (args.format === 'json') {
      console.log(JSON.stringify({ file: args.file, ...report, ...(imported ? { import: imported } : {}) }, null, 2));
    } else console.log(renderText(args.file, report, imported));
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      console.error(e.message);
      return 1;
    }
    // Anything else is our failure, not the user's: one line saying so, never a stack trace
    // (a stack through a 100,000-deep file would fill the terminal and say nothing to a planner).
    const what = e instanceof RangeError ? 'tệp lồng nhau quá sâu hoặc quá lớn để xử lý' : e instanceof Error ? e.message : String(e);
    console.error(`Lỗi: không tính được diện tích cho tệp "${file}" (${what}).`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
