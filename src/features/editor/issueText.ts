// A validator problem worded for the editor's user, wholly in the interface's language: which site (by
// name) and which field (by its label), then what is wrong. validate:data's own wording names files,
// keys and zod's type names ("number", "int"), which mean nothing to someone editing in the app.
import type { DataIssue, ZodDetail } from '../../domain/validate';
import type { Lang } from '../../i18n/format';
import type { Messages } from '../../i18n/messages';
import type { RegionData } from '../../domain/types';
import { siteTitle } from '../../i18n/siteTitle';
import { useT } from '../../i18n/useT';
import { fieldLabel } from './ReviewPanel';

function zodText(z: ZodDetail, t: Messages): string {
  if (z.code === 'too_big' && z.bound !== undefined) return z.inclusive === false ? t.edit_zLess(z.bound) : t.edit_zAtMost(z.bound);
  if (z.code === 'too_small' && z.bound !== undefined) {
    if (z.origin === 'string') return t.edit_zEmpty;
    if (z.origin === 'array') return t.edit_zAtLeastItems(z.bound);
    return z.inclusive === false ? t.edit_zMore(z.bound) : t.edit_zAtLeast(z.bound);
  }
  if (z.code === 'invalid_type') return z.expected === 'int' ? t.edit_zInt : z.expected === 'number' ? t.edit_zNumber : t.edit_zType;
  if (z.code === 'invalid_value') return t.edit_zChoice;
  return t.edit_zFormat;
}

export function issueText(issue: DataIssue, t: Messages, lang: Lang, siteName: (id: string) => string | undefined): string {
  const what = issue.zod ? zodText(issue.zod, t) : issue.say ? issue.say[lang] : issue.message;
  const site = issue.featureId ? siteName(issue.featureId) : undefined;
  const where = issue.file === 'sites.geojson' && site ? site : issue.file === 'clearance.geojson' ? t.edit_zRecord : undefined;
  const field = issue.field === 'geometry' ? t.edit_point : /\.doc$/.test(issue.field) ? t.edit_source : fieldLabel(issue.field, t);
  return [where, field, ''].filter((x) => x !== undefined).join(' › ').replace(/ › $/, `: ${what}`);
}

/** The editor's wording of a check's problems, site names taken from the edited data. */
export function useIssueTexts(data: RegionData | null): (issues: readonly DataIssue[]) => string[] {
  const { t, lang } = useT();
  const name = (id: string) => {
    const p = data?.sites.features.find((f) => f.properties.id === id)?.properties;
    return p ? siteTitle(t, p.kind, p.name[lang]) : undefined;
  };
  return (issues) => issues.map((i) => issueText(i, t, lang, name));
}
