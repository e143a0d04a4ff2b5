// How the desktop sends an HTTP_REQUEST workflow action (rest-api.md §7), from its expanded params: `method`,
// `path` (or `url`), `contentType`, `body` (inference: the Finesse administration's fields). A path on this
// node goes straight from the page with the agent's credentials; another origin goes through the desktop's
// /gadgets/makeRequest proxy, which sends it only to hosts on the allow-list (desktop-and-gadgets.md §3.3). Pure.
import { paramOf, type WorkflowActionEventData } from './action-event.ts';

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);

export interface HttpRequestPlan {
  route: 'direct' | 'proxy';
  method: string;
  url: string;
  contentType: string;
  body: string | undefined;
}

export function planHttpRequest(event: WorkflowActionEventData, pageOrigin: string): HttpRequestPlan | { problem: string } {
  const method = (paramOf(event, 'method') || 'POST').toUpperCase();
  if (!METHODS.has(method)) return { problem: `method ${method} is not supported` };
  const target = paramOf(event, 'path', 'url').trim();
  if (target === '') return { problem: 'the request has no path' };
  let url: URL;
  try {
    url = new URL(target, pageOrigin);
  } catch {
    return { problem: `${target} is not a URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `${url.protocol} requests are not sent` };
  const body = method === 'GET' || method === 'DELETE' ? undefined : paramOf(event, 'body');
  return {
    route: url.origin === pageOrigin ? 'direct' : 'proxy', method, url: url.href,
    contentType: paramOf(event, 'contentType') || 'application/xml', body,
  };
}
