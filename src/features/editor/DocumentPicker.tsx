// The source document of an edit: one of the region's documents, or a new one (a commune's monthly
// report) that the edit adds to region.json › sources. Every figure the editor records carries one.
import { DateInput } from '../../i18n/DateInput';
import { useT } from '../../i18n/useT';
import type { Messages } from '../../i18n/messages';
import { slugify, type Edit } from '../../domain/edits/edits';
import type { Region } from '../../domain/types';

export interface DocChoice {
  /** an id of region.json › sources, or NEW */
  id: string;
  title: string;
  issuer: string;
  date: string;
  where: string;
}

export const NEW_DOC = '__new__';
export const EMPTY_DOC: DocChoice = { id: '', title: '', issuer: '', date: '', where: '' };

/** A document id not yet taken: the title's slug, with -2, -3… when needed. */
export function freeDocId(title: string, taken: (id: string) => boolean): string {
  const base = slugify(title) || 'van-ban';
  let id = base;
  for (let k = 2; taken(id); k++) id = `${base}-${k}`;
  return id;
}

/** The document's id for the edit's sources, and the edit adding it when it is new; or what is missing. */
export function resolveDoc(choice: DocChoice, sources: Region['sources'], t: Messages): { doc: string; edits: Edit[] } | { error: string } {
  if (!choice.id) return { error: t.edit_sourceMissing };
  if (choice.id !== NEW_DOC) return { doc: choice.id, edits: [] };
  const title = choice.title.trim();
  if (!title) return { error: t.edit_sourceTitleMissing };
  const id = freeDocId(title, (x) => x in sources);
  const doc = {
    // The department's documents are Vietnamese; the title is the document's own name in both catalogues.
    title: { vi: title, en: title },
    ...(choice.issuer.trim() ? { issuer: choice.issuer.trim() } : {}),
    ...(choice.date ? { date: choice.date } : {}),
  };
  return { doc: id, edits: [{ op: 'document', id, doc }] };
}

export function DocumentPicker({ value, onChange, sources }: { value: DocChoice; onChange: (c: DocChoice) => void; sources: Region['sources'] }) {
  const { t } = useT();
  const set = (patch: Partial<DocChoice>) => onChange({ ...value, ...patch });
  const docs = Object.entries(sources).sort(([, a], [, b]) => (b.date ?? '').localeCompare(a.date ?? ''));
  return (
    <fieldset className="editor-doc">
      <legend>{t.edit_source}</legend>
      <label>
        <span>{t.edit_source}</span>
        <select value={value.id} onChange={(e) => set({ id: e.target.value })} data-testid="doc-select">
          <option value="">{t.edit_sourcePick}</option>
          <option value={NEW_DOC}>{t.edit_sourceNew}</option>
          {docs.map(([id, d]) => (
            <option key={id} value={id}>
              {d.title.vi}
              {d.date ? ` (${d.date.split('-').reverse().join('/')})` : ''}
            </option>
          ))}
        </select>
      </label>
      {value.id === NEW_DOC ? (
        <>
          <label>
            <span>{t.edit_sourceTitle}</span>
            <input type="text" value={value.title} onChange={(e) => set({ title: e.target.value })} />
          </label>
          <label>
            <span>{t.edit_sourceIssuer}</span>
            <input type="text" value={value.issuer} onChange={(e) => set({ issuer: e.target.value })} />
          </label>
          <label>
            <span>{t.edit_sourceDate}</span>
            <DateInput value={value.date} onChange={(date) => set({ date })} />
          </label>
        </>
      ) : null}
      <label>
        <span>{t.edit_sourceWhere}</span>
        <input type="text" value={value.where} onChange={(e) => set({ where: e.target.value })} />
      </label>
    </fieldset>
  );
}
