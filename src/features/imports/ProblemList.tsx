// What the importer found wrong with a file's features: the errors (features not loaded) listed one
// by one with their number, name and reason; the warnings (loaded anyway) folded, one line per kind
// with a count, so 40 unnamed features are one line, not forty.
import { featureProblemMessage } from '../../io/import/messages';
import type { FeatureProblem } from '../../io/import/types';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';

/** More than this many errors: the rest are counted, not listed. */
const MAX_LISTED = 50;

export function ProblemList({ problems }: { problems: readonly FeatureProblem[] }) {
  const { t, lang } = useT();
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (problems.length === 0) return null;
  const n = (x: number) => formatNumber(x, lang);
  const groups = new Map<string, FeatureProblem[]>();
  for (const w of warnings) groups.set(w.code, [...(groups.get(w.code) ?? []), w]);
  return (
    <div className="import-problems">
      {errors.length > 0 ? (
        <details className="import-errors" open>
          <summary>{t.import_errors(n(errors.length))}</summary>
          <ul>
            {errors.slice(0, MAX_LISTED).map((p, i) => (
              <li key={i}>{featureProblemMessage(p, lang)}</li>
            ))}
          </ul>
          {errors.length > MAX_LISTED ? <p className="muted">{t.import_more(n(errors.length - MAX_LISTED))}</p> : null}
        </details>
      ) : null}
      {warnings.length > 0 ? (
        <details className="import-warnings">
          <summary>{t.import_warnings(n(warnings.length))}</summary>
          <ul>
            {[...groups].map(([code, list]) => (
              <li key={code} data-code={code}>
                {code === 'missing-name' ? (
                  t.import_warn_missingName(n(list.length))
                ) : code === 'duplicate-id' ? (
                  t.import_warn_duplicateId(n(list.length))
                ) : list.length === 1 ? (
                  featureProblemMessage(list[0]!, lang)
                ) : (
                  <>
                    {t.import_warn_other(n(list.length))} {featureProblemMessage(list[0]!, lang)}
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
