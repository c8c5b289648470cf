// A progress spreadsheet file as rows of cells: .xlsx through read-excel-file (a maintained reader,
// fetched only when a workbook is opened, so the map's start-up code does not carry it), CSV through
// papaparse, with the delimiter the header line uses.
import Papa from 'papaparse';
import { decodeText, isZip } from './bytes';
import { detectDelimiter } from './csv';
import type { SheetCell } from './progressSheet';

export class SheetFileError extends Error {}

export async function readSheetCells(fileName: string, bytes: Uint8Array): Promise<SheetCell[][]> {
  if (isZip(bytes) || /\.xlsx$/i.test(fileName)) {
    if (!isZip(bytes)) throw new SheetFileError(`${fileName}: không phải tệp Excel .xlsx (tệp .xls cũ cần lưu lại thành .xlsx)`);
    const { readSheet } = await import('read-excel-file/universal');
    try {
      const copy = new Uint8Array(bytes);
      return (await readSheet(copy.buffer)) as SheetCell[][];
    } catch (e) {
      throw new SheetFileError(`${fileName}: không đọc được bảng tính (${(e as Error).message})`);
    }
  }
  const text = decodeText(bytes);
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  if (!firstLine) throw new SheetFileError(`${fileName}: tệp rỗng`);
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(firstLine), skipEmptyLines: false });
  return parsed.data;
}
