// A site's name as the interface writes it: the kind's short form, then the name ("KCN Tằng Loỏng").
import type { Messages } from './messages';

export function siteTitle(t: Messages, kind: 'kcn' | 'ccn', name: string): string {
  return `${t[`kindShort_${kind}`]} ${name}`;
}
