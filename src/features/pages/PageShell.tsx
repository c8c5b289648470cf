// The document around a static page (scripts/build-pages.ts adds the app's Content-Security-Policy
// right after the charset, where React's head ordering cannot move it): title and meta description,
// hreflang alternates, Open Graph tags, schema.org JSON-LD, and a header and footer with the way into the
// map. Every address is relative to the page (pages/ sits one folder below the app), so the build works
// at the root of a host or under any sub-path; absolute addresses are added only when the build is told
// the site's address (KCN_SITE_URL), as search engines want for canonical links and previews.
import type { ReactNode } from 'react';
import type { Position } from 'geojson';
import type { PreparedRegion } from '../../domain/prepare';
import { formatDate, type Lang } from '../../i18n/format';
import type { Messages } from '../../i18n/messages';

export interface PageLinks {
  /** a page file (relative to pages/) as an absolute address, when the site's address is known */
  absolute: ((file: string) => string) | null;
}

/** The folder of the static pages, below the app's base. */
export const PAGES_DIR = 'pages';

/** A page's file name inside pages/: `<id>.html` in Vietnamese, `<id>.en.html` in English. */
export function pageFile(id: string, lang: Lang): string {
  return lang === 'vi' ? `${id}.html` : `${id}.en.html`;
}

/** The map at this region (and site), from a page in pages/: the app reads region, sel and lang from the address. */
export function mapLink(regionId: string, lang: Lang, siteId?: string): string {
  return `../?region=${encodeURIComponent(regionId)}${siteId ? `&sel=site:${encodeURIComponent(siteId)}` : ''}${lang === 'en' ? '&lang=en' : ''}`;
}

/** Where the map marks the site: its point, or the centre of its outline; null when the sources give no position. */
export function anchorOf(region: PreparedRegion, siteId: string): Position | null {
  return region.siteAnchors.features.find((f) => f.properties.id === siteId)?.geometry.coordinates ?? null;
}

const OG_LOCALE: Record<Lang, string> = { vi: 'vi_VN', en: 'en_GB' };

export function PageShell({
  lang,
  t,
  title,
  description,
  file,
  image,
  jsonLd,
  links,
  regionId,
  asOf,
  children,
}: {
  lang: Lang;
  t: Messages;
  title: string;
  description: string;
  /** this page's file in either language */
  file: (lang: Lang) => string;
  /** the picture's name inside pages/, without extension: `<name>.png` is the Open Graph picture (link
   *  previews do not take SVG), `<name>.svg` the one on the page */
  image: string;
  jsonLd: Record<string, unknown>;
  links: PageLinks;
  regionId: string;
  asOf: string;
  children: ReactNode;
}) {
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const href = (l: Lang) => (links.absolute ? links.absolute(file(l)) : file(l));
  // JSON-LD is data, never run: a `<` inside a name cannot end the element early.
  const ld = JSON.stringify(jsonLd).replace(/</g, '\\u003c');
  return (
    <html lang={lang}>
      <head>
        <meta charSet="UTF-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${t.appTitle}`}</title>
        <meta name="description" content={description} />
        {links.absolute ? <link rel="canonical" href={href(lang)} /> : null}
        <link rel="alternate" hrefLang="vi" href={href('vi')} />
        <link rel="alternate" hrefLang="en" href={href('en')} />
        <link rel="alternate" hrefLang="x-default" href={href('vi')} />
        <meta property="og:type" content="website" />
        <meta property="og:title" content={title} />
        <meta property="og:description" content={description} />
        <meta property="og:locale" content={OG_LOCALE[lang]} />
        <meta property="og:locale:alternate" content={OG_LOCALE[other]} />
        <meta property="og:image" content={links.absolute ? links.absolute(`${image}.png`) : `${image}.png`} />
        <meta property="og:image:type" content="image/png" />
        <meta property="og:image:width" content="1200" />
        <meta property="og:image:height" content="630" />
        <link rel="icon" href="../favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="page.css" />
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: ld }} />
      </head>
      <body>
        <header className="page-head">
          <a href={mapLink(regionId, lang)} className="app-name">
            {t.appTitle}
          </a>
          <a href={file(other)} hrefLang={other} lang={other} className="other-lang">
            {t.page_otherLang}
          </a>
        </header>
        <main>{children}</main>
        <footer className="page-foot">
          <p>
            {t.asOfLabel} {formatDate(asOf, lang)}. {t.page_staticNote}
          </p>
        </footer>
      </body>
    </html>
  );
}
