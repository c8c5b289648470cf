// The command line of `npm run area`.
import { VN2000_ZONES } from '../../src/analytics/vn2000';

import { InputError } from './inputError';

// ---- arguments ----

export const USAGE =
  'Cách dùng / usage: npm run area -- <tệp .geojson|.zip|.dxf|.kml|.kmz|.csv> [--zone 104.75] [--format text|json]';

export interface Args {
  file: string;
  zone: number;
  /** --zone was given: it then wins over a zone the file does not state, and is the report's zone */
  zoneGiven: boolean;
  format: 'text' | 'json';
}

export function parseArgs(argv: readonly string[]): Args {
  let file: string | null = null;
  let zone: number = VN2000_ZONES.laoCai;
  let zoneGiven = false;
  let format: Args['format'] = 'text';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    // --zone=104.75 as well as --zone 104.75
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new InputError(`Lỗi: thiếu giá trị sau ${flag}. ${USAGE}`);
      return v;
    };
    if (flag === '--zone') {
      const v = value();
      zone = Number(v.replace(',', '.')); // 104,75 as a Vietnamese would write it
      zoneGiven = true;
      if (v.trim() === '' || !Number.isFinite(zone) || zone < 102 || zone > 110) {
        throw new InputError(
          `Lỗi: múi chiếu "${v}" không hợp lệ: cần kinh tuyến trục từ 102 đến 110, ví dụ 104.75.`,
        );
      }
    } else if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') {
        throw new InputError(`Lỗi: định dạng "${v}" không hợp lệ: dùng text hoặc json.`);
      }
      format = v;
    } else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (flag.startsWith('-')) {
      throw new InputError(`Lỗi: không hiểu tuỳ chọn "${arg}". ${USAGE}`);
    } else if (file === null) {
      file = arg;
    } else {
      throw new InputError(`Lỗi: chỉ nhận một tệp, nhưng có thêm "${arg}". ${USAGE}`);
    }
  }
  if (file === null) throw new InputError(`Lỗi: chưa chỉ định tệp. ${USAGE}`);
  return { file, zone, zoneGiven, format };
}

