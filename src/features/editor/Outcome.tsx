// What happened to the last submit: kept (a status line) or refused (the validator's messages, as an alert).
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/useT';
import type { EditCheck } from '../../domain/edits/checkEdits';
import type { Edit } from '../../domain/edits/edits';
import type { RegionData } from '../../domain/types';

export interface SubmitOutcome {
  ok: boolean;
  messages: string[];
}

/** What every editor view receives: the edited region (valid) and the way to add edits. */
export interface EditorProps {
  data: RegionData;
  /** checks the edits against the validator and keeps them when they pass */
  submit: (edits: Edit[]) => EditCheck;
}

export function Outcome({ outcome }: { outcome: SubmitOutcome | null }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  // The message appears under the form's button, often below the panel's fold: bring it into view.
  useEffect(() => {
    if (outcome) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [outcome]);
  if (!outcome) return null;
  if (outcome.ok) {
    return (
      <div ref={ref} className="editor-ok" role="status">
        {outcome.messages.join(' ')}
      </div>
    );
  }
  return (
    <div ref={ref} className="editor-refused" role="alert">
      <p>{t.edit_refused}:</p>
      <ul>
        {outcome.messages.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
