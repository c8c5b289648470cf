// Below the targets: the plan's headline figures the site rows cannot re-add, the rules that govern
// parks, the reporting duties with their next due date, where the documents disagree, and the
// documents with the decrees and decisions they rest on. Each line names its source.
import { nextDue } from '../../analytics/obligations';
import type { Region } from '../../domain/types';
import { formatDate, formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { SourceLine } from '../tasks/TaskItem';
import '../tasks/tasks.css';

export function RegionObligations({ region, clusterCount }: { region: Region; clusterCount: number }) {
  const { t, lang } = useT();
  const kinds = (ks: readonly ('kcn' | 'ccn')[], stage?: 'new' | 'existing' | 'operating') =>
    t.rule_appliesTo(ks.map((k) => `${t[`rule_kinds_${k}`]}${stage ? ` ${t[`rule_stage_${stage}`]}` : ''}`).join(', '));
  // Documents that something in the region cites as their basis, in the order they were listed.
  const citing = [...new Set(region.legalBasis.map((b) => b.citedBy.doc))];
  return (
    <>
      {region.planFigures.length > 0 ? (
        <section className="plan-figures" aria-labelledby="plan-figures-title">
          <h3 id="plan-figures-title">{t.planFigures_title}</h3>
          <ul className="plain">
            {region.planFigures.map((f) => (
              <li key={f.id} data-plan-figure={f.id}>
                <strong>{f.label[lang]}:</strong>{' '}
                {[
                  f.count !== undefined ? `${formatNumber(f.count, lang)} ${lang === 'vi' ? 'CCN' : 'clusters'}` : null,
                  f.areaHa !== undefined ? `${f.approx ? (lang === 'vi' ? 'khoảng ' : 'about ') : ''}${formatNumber(f.areaHa, lang, 0)} ha` : null,
                ]
                  .filter(Boolean)
                  .join(', ')}
                <div className="hint">
                  {t.planFigure_inData(clusterCount)} <SourceLine region={region} doc={f.source.doc} where={f.source.where} t={t} lang={lang} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {region.rules.length > 0 ? (
        <section className="rules" aria-labelledby="rules-title">
          <h3 id="rules-title">{t.rules_title}</h3>
          <ul className="plain rule-list">
            {region.rules.map((r) => (
              <li key={r.id} data-rule={r.id}>
                {r.text[lang]}
                <div className="hint">
                  {kinds(r.kinds, r.stage)} · <SourceLine region={region} doc={r.source.doc} where={r.source.where} t={t} lang={lang} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {region.reportingDuties.length > 0 ? (
        <section className="duties" aria-labelledby="duties-title">
          <h3 id="duties-title">{t.duties_title}</h3>
          <ul className="plain duty-list">
            {region.reportingDuties.map((d) => {
              const due = nextDue(d, region.asOf);
              return (
                <li key={d.id} data-duty={d.id}>
                  {d.who[lang]} → {d.to[lang]}: {d.wording[lang]}.{' '}
                  <strong className="duty-next">{due ? t.duty_next(formatDate(due, lang)) : t.duty_noDay}</strong>
                  <div className="hint">
                    <SourceLine region={region} doc={d.source.doc} where={d.source.where} t={t} lang={lang} />
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {region.inconsistencies.length > 0 ? (
        <section className="inconsistencies" aria-labelledby="inconsist-title">
          <h3 id="inconsist-title">{t.inconsist_title}</h3>
          <p className="basis">{t.inconsist_hint}</p>
          <ul className="plain inconsist-list">
            {region.inconsistencies.map((c) => (
              <li key={c.id} data-inconsistency={c.id}>
                {c.text[lang]}
                <div className="hint">
                  {c.sources.map((s, i) => (
                    <span key={i}>
                      {i > 0 ? '; ' : ''}
                      <SourceLine region={region} doc={s.doc} where={s.where} t={t} lang={lang} />
                    </span>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {citing.length > 0 ? (
        <section className="legal-basis" aria-labelledby="legal-title">
          <h3 id="legal-title">{t.legal_title}</h3>
          <ul className="plain legal-list">
            {citing.map((docId) => {
              const doc = region.sources[docId];
              return (
                <li key={docId} data-doc={docId}>
                  <strong>{doc ? doc.title[lang] : docId}</strong>
                  {doc?.issuer ? ` — ${doc.issuer}` : ''}
                  {doc?.date ? `, ${formatDate(doc.date, lang)}` : ''}
                  <div className="hint">{t.legal_basedOn}:</div>
                  <ul className="legal-basis-list">
                    {region.legalBasis
                      .filter((b) => b.citedBy.doc === docId)
                      .map((b) => (
                        <li key={b.id}>
                          {b.number}
                          {b.date ? ` (${formatDate(b.date, lang)})` : ''}
                          {b.title[lang] !== b.number ? `: ${b.title[lang]}` : ''}
                        </li>
                      ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
}
