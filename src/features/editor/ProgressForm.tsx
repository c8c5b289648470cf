// A dated progress record of a site: land cleared, being cleared and remaining (a clearance record),
// the occupancy rate, and a task of the site reported done, all backed by one source document.
import { useIssueTexts } from './issueText';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/useT';
import { DateInput } from '../../i18n/DateInput';
import type { Edit } from '../../domain/edits/edits';
import { parseCsvNumber } from '../../io/import/csv';
import { DocumentPicker, EMPTY_DOC, resolveDoc, type DocChoice } from './DocumentPicker';
import { Outcome, type EditorProps, type SubmitOutcome } from './Outcome';

const TASK_OPEN = '__open__';

export function ProgressForm({ data, submit, siteId, onSite }: EditorProps & { siteId: string; onSite: (id: string) => void }) {
  const { t } = useT();
  const words = useIssueTexts(data);
  const sites = [...data.sites.features].map((f) => f.properties).sort((a, b) => a.name.vi.localeCompare(b.name.vi, 'vi'));
  const site = sites.find((s) => s.id === siteId) ?? sites[0];
  const [asOf, setAsOf] = useState('');
  const [figures, setFigures] = useState({ cleared: '', inProgress: '', remaining: '', occupancy: '' });
  const [taskId, setTaskId] = useState('');
  const [taskDone, setTaskDone] = useState('done');
  const [doc, setDoc] = useState<DocChoice>(EMPTY_DOC);
  const [outcome, setOutcome] = useState<SubmitOutcome | null>(null);
  const tasks = data.tasks.filter((x) => site && x.siteIds.includes(site.id));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!site) return;
    const errors: string[] = [];
    const num = (label: string, s: string) => {
      if (!s.trim()) return undefined;
      const n = parseCsvNumber(s, true);
      if (n === null) errors.push(t.edit_notNumber(label, s.trim()));
      return n ?? undefined;
    };
    const clearedHa = num(t.edit_clearedHa, figures.cleared);
    const inProgressHa = num(t.edit_inProgressHa, figures.inProgress);
    const remainingHa = num(t.edit_remainingHa, figures.remaining);
    const occupancy = num(t.edit_field.occupancyPct, figures.occupancy);
    if (!asOf) errors.push(t.edit_dateMissing);
    const hasClearance = figures.cleared.trim() || figures.inProgress.trim() || figures.remaining.trim();
    if (hasClearance && !figures.cleared.trim()) errors.push(t.edit_clearedMissing);
    if (!hasClearance && occupancy === undefined && !taskId) errors.push(t.edit_nothing);
    const resolved = resolveDoc(doc, data.region.sources, t);
    if ('error' in resolved) errors.push(resolved.error);
    if (errors.length > 0 || 'error' in resolved) return setOutcome({ ok: false, messages: errors });
    const where = doc.where.trim();
    const edits: Edit[] = [...resolved.edits];
    if (clearedHa !== undefined) {
      edits.push({
        op: 'progress',
        record: { siteId: site.id, asOf, clearedHa, ...(inProgressHa !== undefined ? { inProgressHa } : {}), ...(remainingHa !== undefined ? { remainingHa } : {}), doc: resolved.doc, ...(where ? { where } : {}) },
      });
    }
    if (occupancy !== undefined) {
      edits.push({ op: 'site-field', siteId: site.id, field: 'occupancyPct', value: occupancy });
      edits.push({ op: 'site-source', siteId: site.id, source: { doc: resolved.doc, ...(where ? { where } : {}), about: ['occupancyPct'] } });
    }
    if (taskId) {
      edits.push({ op: 'task-done', taskId, done: taskDone === TASK_OPEN ? null : { asOf, source: { doc: resolved.doc, where } } });
    }
    const check = submit(edits);
    if (check.ok) {
      setOutcome({ ok: true, messages: [t.edit_saved(edits.length - resolved.edits.length)] });
      setFigures({ cleared: '', inProgress: '', remaining: '', occupancy: '' });
      setTaskId('');
      setDoc(EMPTY_DOC);
    } else setOutcome({ ok: false, messages: words(check.issues) });
  };

  const figure = (key: keyof typeof figures, label: string) => (
    <label>
      <span>{label}</span>
      <input type="text" inputMode="decimal" name={key} value={figures[key]} onChange={(e) => setFigures((f) => ({ ...f, [key]: e.target.value }))} />
    </label>
  );

  return (
    <form className="editor-form" onSubmit={onSubmit} aria-label={t.edit_viewProgress}>
      <label className="editor-site-pick">
        <span>{t.edit_site}</span>
        <select
          value={site?.id ?? ''}
          onChange={(e) => {
            setTaskId('');
            onSite(e.target.value);
          }}
          data-testid="progress-site"
        >
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.kind.toUpperCase()} {s.name.vi}
            </option>
          ))}
        </select>
      </label>
      <div className="editor-grid">
        <label>
          <span>{t.edit_progressDate}</span>
          <DateInput value={asOf} onChange={setAsOf} />
        </label>
        {figure('cleared', t.edit_clearedHa)}
        {figure('inProgress', t.edit_inProgressHa)}
        {figure('remaining', t.edit_remainingHa)}
        {figure('occupancy', t.edit_field.occupancyPct)}
      </div>
      {tasks.length > 0 ? (
        <fieldset>
          <legend>{t.edit_task}</legend>
          <select value={taskId} onChange={(e) => setTaskId(e.target.value)} aria-label={t.edit_task}>
            <option value="">{t.edit_taskNone}</option>
            {tasks.map((x) => (
              <option key={x.id} value={x.id}>
                {x.what.vi}
              </option>
            ))}
          </select>
          {taskId ? (
            <select value={taskDone} onChange={(e) => setTaskDone(e.target.value)} aria-label={t.edit_task}>
              <option value="done">{t.edit_taskDone}</option>
              <option value={TASK_OPEN}>{t.edit_taskOpen}</option>
            </select>
          ) : null}
        </fieldset>
      ) : null}
      <DocumentPicker value={doc} onChange={setDoc} sources={data.region.sources} />
      <button type="submit">{t.edit_addRecord}</button>
      <Outcome outcome={outcome} />
    </form>
  );
}
