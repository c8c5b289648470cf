// `npm run validate:data [-- region-id…]`: checks every region folder under data/regions and
// prints one line per problem (file › feature › field: what is wrong). Exits 1 when anything is wrong.
import '../src/domain/zodVietnamese';
import { formatIssue, validateRegion } from '../src/domain/validate';
import { join, relative } from 'node:path';
import { listRegionIds, readRegionFiles, REGIONS_DIR, RegionReadError } from './regionFs';

const wanted = process.argv.slice(2);
const ids = wanted.length > 0 ? wanted : listRegionIds();
let failed = false;
for (const id of ids) {
  try {
    const { data, issues } = validateRegion(readRegionFiles(id));
    if (data) {
      console.log(
        `✔ ${id}: ${data.sites.features.length} khu/cụm, ${data.roads.features.length} tuyến đường, ` +
          `${data.relocations.features.length} di dời, ${data.region.targets.length} mục tiêu` +
          (data.story ? `, ${data.story.slides.length} trang trình chiếu` : '') +
          (data.tasks.length ? `, ${data.tasks.length} nhiệm vụ` : ''),
      );
    } else {
      failed = true;
      console.log(`✘ ${id}: ${issues.length} lỗi`);
      const folder = relative(process.cwd(), join(REGIONS_DIR, id));
      for (const issue of issues) console.log(`  ${folder}/${formatIssue(issue)}`);
    }
  } catch (e) {
    if (!(e instanceof RegionReadError)) throw e;
    failed = true;
    console.log(`✘ ${id}: ${e.message}`);
  }
}
if (ids.length === 0) {
  console.log(`Không tìm thấy vùng nào trong ${REGIONS_DIR}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
