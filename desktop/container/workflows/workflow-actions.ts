// What the desktop itself does for a FINESSE_DESKTOP action (rest-api.md §7): BROWSER_POP opens the expanded
// `windowUrl` in the window named by `windowName`; HTTP_REQUEST sends the request from the browser.
import { paramOf, type WorkflowActionEventData } from './action-event.ts';
import { planHttpRequest } from './http-request-plan.ts';
import { ContentType, gadgetResponse, RequestParameters, requestForm } from '../../gadget-runtime/io-response.ts';

export interface ActionOutcome { ok: boolean; detail: string }

export function browserPop(event: WorkflowActionEventData): ActionOutcome {
  const url = paramOf(event, 'windowUrl', 'path', 'url');
  if (url === '') return { ok: false, detail: 'the browser pop has no windowUrl' };
  // The window name lets a later pop of the same name reuse the agent's window, as Finesse does.
  const opened = window.open(url, paramOf(event, 'windowName') || '_blank');
  return opened ? { ok: true, detail: url } : { ok: false, detail: 'the browser blocked the pop-up window' };
}

export async function httpRequest(event: WorkflowActionEventData, auth: string): Promise<ActionOutcome> {
  const plan = planHttpRequest(event, location.origin);
  if ('problem' in plan) return { ok: false, detail: plan.problem };
  const headers: Record<string, string> = { 'content-type': plan.contentType };
  if (plan.route === 'direct') {
    const response = await fetch(plan.url, {
      method: plan.method, headers: { ...headers, authorization: `Basic ${auth}` }, body: plan.body,
      credentials: 'omit', cache: 'no-store',
    });
    return { ok: response.ok, detail: `${plan.method} ${plan.url}: ${response.status}` };
  }
  const form = requestForm(plan.url, {
    [RequestParameters.METHOD]: plan.method, [RequestParameters.HEADERS]: headers,
    ...(plan.body === undefined ? {} : { [RequestParameters.POST_DATA]: plan.body }),
  }, { specUrl: location.href });
  const response = await fetch(`${location.origin}/gadgets/makeRequest`, {
    method: 'POST', body: form, credentials: 'same-origin',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
  });
  // A host off the allow-list comes back as rc 403 inside the proxy's answer.
  const { rc } = gadgetResponse(response.status, await response.text(), plan.url, ContentType.TEXT, () => null);
  return { ok: rc >= 200 && rc < 400, detail: `${plan.method} ${plan.url}: ${rc}` };
}
