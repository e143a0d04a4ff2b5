// The container page (desktop-and-gadgets.md §1): /desktop redirects to /desktop/container/, which is a static
// shell; the `container` bundle does sign-in and renders the layout in the browser.
import type { FastifyPluginAsync } from 'fastify';
import { bundleUrl, BUNDLE_PREFIX } from './built-assets.ts';
import type { ContainerContext } from './context.ts';

export const CONTAINER_PATH = '/desktop/container/';
export const FINESSE_SCRIPT = '/desktop/assets/js/finesse.js';
const DEFAULT_LOCALE = 'en_US';
const LOCALE = /^[a-z]{2,3}(?:_[A-Z]{2})?$/;

/** `?locale=` as given when it looks like a Java locale (en_US), else the default. */
export const localeOf = (query: unknown): string => {
  const value = typeof query === 'object' && query !== null && 'locale' in query ? query.locale : undefined;
  return typeof value === 'string' && LOCALE.test(value) ? value : DEFAULT_LOCALE;
};

const escapeAttribute = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

// finesse.js is loaded by the bundle once the page's gadgets namespace exists, since the library needs it (§5).
export const containerPageHtml = (locale: string): string => `<!doctype html>
<html lang="${escapeAttribute(locale.split('_')[0] ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Poise Desktop</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${BUNDLE_PREFIX}container.css">
</head>
<body data-locale="${escapeAttribute(locale)}" data-finesse-script="${FINESSE_SCRIPT}">
<div id="desktop-root"><noscript>The Poise desktop needs JavaScript.</noscript></div>
<script src="/desktop/assets/js/jquery.min.js"></script>
<script src="${bundleUrl('container')}"></script>
</body>
</html>
`;

export const desktopPagePlugin: FastifyPluginAsync<ContainerContext> = async (app) => {
  for (const path of ['/desktop', '/desktop/', '/desktop/container']) {
    app.get(path, async (_request, reply) => reply.redirect(CONTAINER_PATH, 302));
  }
  app.get(CONTAINER_PATH, async (request, reply) => reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    // The desktop acts for the agent: no other site may frame it (its own gadget frames are same-origin).
    .header('content-security-policy', "frame-ancestors 'self'")
    .send(containerPageHtml(localeOf(request.query))));
};
