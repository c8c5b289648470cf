// Import of the communes' monthly progress spreadsheet: the rows are read and shown first (good rows in
// a table, refused rows with their row number and what is wrong); "Thêm" then records the good rows,
// each checked by the validator on its own, so one bad row never costs the others.
import { useState, type ChangeEvent } from 'react';
import { useT } from '../../i18n/useT';
import type { Edit } from '../../domain/edits/edits';
import type { Region } from '../../domain/types';
import { readSheetCells } from '../../io/import/progressFile';
import { readProgressRows, type ProgressRow, type ProgressSheet, type RowError } from '../../io/import/progressSheet';
import { localIsoDate } from '../../io/export';
import { freeDocId } from './DocumentPicker';
import type { EditorProps } from './Outcome';

/** The edits of one row: its report (a new document unless the region knows it by id or title) and its record. */
function rowEdits(row: ProgressRow, sources: Region['sources'], added: Map<string, string>): { edits: Edit[]; newDoc: string | null } {
  const text = row.source.trim();
  const known = text in sources ? text : Object.entries(sources).find(([, d]) => d.title.vi.trim() === text)?.[0] ?? added.get(text);
  const record = (doc: string): Edit => ({
    op: 'progress',
    record: { siteId: row.siteId, asOf: row.asOf, clearedHa: row.clearedHa, ...(row.inProgressHa !== undefined ? { inProgressHa: row.inProgressHa } : {}), ...(row.remainingHa !== undefined ? { remainingHa: row.remainingHa } : {}), doc, where: `dòng ${row.row}` },
  });
  if (known) return { edits: [record(known)], newDoc: null };
  const id = freeDocId(text, (x) => x in sources || [...added.values()].includes(x));
  // No date is given to the new document: the sheet dates the figures, not the report.
  return { edits: [{ op: 'document', id, doc: { title: { vi: text, en: text } } }, record(id)], newDoc: id };
}

export function ProgressImport({ data, submitMany }: Pick<EditorProps, 'data'> & { submitMany: (batches: Edit[][]) => { refused: { index: number; messages: string[] }[] } }) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [sheet, setSheet] = useState<ProgressSheet | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [refused, setRefused] = useState<RowError[]>([]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setFileError(null);
    setDone(null);
    setRefused([]);
    setSheet(null);
    try {
      const cells = await readSheetCells(file.name, new Uint8Array(await file.arrayBuffer()));
      const sites = data.sites.features.map((f) => ({ id: f.properties.id, kind: f.properties.kind, name: f.properties.name.vi, ...(f.properties.declaredAreaHa !== undefined ? { declaredAreaHa: f.properties.declaredAreaHa } : {}) }));
      const read = readProgressRows(cells, sites, localIsoDate(new Date()));
      if (read.fatal) setFileError(`${file.name}: ${read.fatal}`);
      else setSheet(read);
    } catch (err) {
      setFileError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const add = () => {
    if (!sheet) return;
    const newDocs = new Map<string, string>();
    const batches = sheet.rows.map((row) => {
      const { edits, newDoc } = rowEdits(row, data.region.sources, newDocs);
      if (newDoc) newDocs.set(row.source.trim(), newDoc);
      return edits;
    });
    const result = submitMany(batches);
    setRefused(result.refused.map((r) => ({ row: sheet.rows[r.index]!.row, messages: r.messages })));
    setDone(t.edit_importDone(sheet.rows.length - result.refused.length, result.refused.length));
    setSheet({ ...sheet, rows: [] });
  };

  const errors = [...(sheet?.errors ?? []), ...refused].sort((a, b) => a.row - b.row);
  return (
    <div className="editor-import">
      <p className="hint">{t.edit_importHint}</p>
      <label className="file-button">
        <span>{t.edit_importFile}</span>
        <input type="file" accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" onChange={(e) => void onFile(e)} data-testid="progress-file" />
      </label>
      {busy ? <p role="status">{t.edit_importReading}</p> : null}
      {fileError ? (
        <p className="editor-refused" role="alert">
          {fileError}
        </p>
      ) : null}
      {done ? <p className="editor-ok" role="status">{done}</p> : null}
      {errors.length > 0 ? (
        <section className="editor-refused" aria-label={t.edit_importBad(errors.length)}>
          <h4>{t.edit_importBad(errors.length)}</h4>
          <ul data-testid="import-errors">
            {errors.map((er) => (
              <li key={er.row}>
                {t.edit_importRowError(er.row)}: {er.messages.join('; ')}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {sheet && sheet.rows.length > 0 ? (
        <section aria-label={t.edit_importGood(sheet.rows.length)}>
          <h4>{t.edit_importGood(sheet.rows.length)}</h4>
          <table className="editor-table" data-testid="import-preview">
            <thead>
              <tr>
                <th scope="col">{t.edit_importRow}</th>
                <th scope="col">{t.edit_site}</th>
                <th scope="col">{t.edit_clearedHa}</th>
                <th scope="col">{t.edit_inProgressHa}</th>
                <th scope="col">{t.edit_remainingHa}</th>
                <th scope="col">{t.edit_progressDate}</th>
                <th scope="col">{t.edit_source}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.rows.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>{r.siteName}</td>
                  <td className="num">{r.clearedHa}</td>
                  <td className="num">{r.inProgressHa ?? ''}</td>
                  <td className="num">{r.remainingHa ?? ''}</td>
                  <td>{r.asOf.split('-').reverse().join('/')}</td>
                  <td>{r.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={add}>
            {t.edit_importAdd(sheet.rows.length)}
          </button>
        </section>
      ) : null}
    </div>
  );
}
