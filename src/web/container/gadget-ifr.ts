// GET /gadgets/ifr (desktop-and-gadgets.md §3.2): fetch the spec, parse it, render the gadget's page (or 302
// for a url-type Content). A spec that cannot be used gets a 4xx page that says why, shown in the iframe.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { AllowedTargets } from './allowed-targets.ts';
import type { ContainerContext } from './context.ts';
import { ownListenerOrigin } from './own-listener.ts';
import { renderErrorPage, renderGadgetPage } from './gadget-page.ts';
import { localeFor, parseGadgetSpec, parseMessageBundle, type GadgetSpec } from './gadget-spec.ts';
import { formParams, pageOrigin } from './raw-bodies.ts';
import { fetchSpec, type SpecSourceOptions } from './spec-source.ts';

export const gadgetIfrPlugin: FastifyPluginAsync<ContainerContext> = async (app, context) => {
  const source: SpecSourceOptions = { targets: new AllowedTargets(context), ownOrigin: () => ownListenerOrigin(app) };
  const log = context.log.child({ component: 'gadget-server' });

  const sendError = (reply: FastifyReply, status: number, message: string) =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderErrorPage(message));

  app.get('/gadgets/ifr', async (request, reply) => {
    const params = formParams(request);
    const origin = pageOrigin(request);
    const specUrl = params.get('url') ?? '';
    const fetched = await fetchSpec(specUrl, origin, source);
    if (!fetched.ok) {
      log.info({ status: fetched.status, reason: fetched.message }, 'gadget spec unavailable');
      return sendError(reply, fetched.status, fetched.message);
    }
    const parsed = parseGadgetSpec(fetched.xml);
    if (!parsed.ok) return sendError(reply, 400, parsed.message);
    const lang = params.get('lang') || 'en';
    const country = params.get('country') || 'US';
    const userPrefParams: Record<string, string> = {};
    for (const [name, value] of params) if (name.startsWith('up_')) userPrefParams[name.slice(3)] = value;
    const page = renderGadgetPage({
      spec: parsed.spec, specUrl: fetched.url.toString(), origin, view: params.get('view') || 'default',
      mid: params.get('mid') || '0', lang, country, userPrefParams,
      messages: await messagesFor(parsed.spec, lang, country, fetched.url, origin, source),
    });
    switch (page.kind) {
      case 'redirect': return reply.redirect(page.location, 302);
      case 'error': return sendError(reply, page.status, page.message);
      case 'html': return reply.type('text/html; charset=utf-8').header('cache-control', 'private, max-age=0').send(page.html);
    }
  });
};

/** The Locale's inline messages, over those of its `messages` bundle when it names one that can be fetched. */
async function messagesFor(spec: GadgetSpec, lang: string, country: string, specUrl: URL, origin: string,
                           source: SpecSourceOptions): Promise<Record<string, string>> {
  const locale = localeFor(spec, lang, country);
  if (!locale) return {};
  if (!locale.messagesUrl) return locale.messages;
  let bundleUrl: URL;
  try {
    bundleUrl = new URL(locale.messagesUrl, specUrl);
  } catch {
    return locale.messages;
  }
  const target = bundleUrl.origin === origin ? `${bundleUrl.pathname}${bundleUrl.search}` : bundleUrl.toString();
  const bundle = await fetchSpec(target, origin, source);
  return bundle.ok ? { ...parseMessageBundle(bundle.xml), ...locale.messages } : locale.messages;
}
