// Workflows on the agent desktop, in Chromium against a real node. The administrator creates workflow actions and
// workflows through REST: a browser pop and an HTTP request to a test server on another port (on the proxy's
// allow-list), an action left to the gadgets (handledBy OTHER), and a workflow whose condition the call does not
// meet. A lab call with callVariable1 arrives: the desktop opens the pop-up at the URL with the call's data in it,
// the test server receives the request with its body filled in, and a customer's gadget written against finesse.js
// receives a WorkflowActionEvent for each action of the matching workflow, and none for the other.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { once } from 'node:events';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { DEFAULT_LAYOUT_XML } from '../../src/web/default-layout.ts';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { headerState, placeLabCall, signInDesktop, type Desk } from '../support/desktop-page.ts';
import { ADMIN, demoTeamIds, startWebNode, TEST_PASSWORD, type WebFixture } from '../support/web.ts';

const LISTENER_SPEC = `<?xml version="1.0" encoding="UTF-8"?>
<Module>
  <ModulePrefs title="Workflow listener"><Require feature="pubsub-2"/></ModulePrefs>
  <Content type="html"><![CDATA[
    <script src="__UP_scheme__://__UP_host__:__UP_hostPort__/desktop/assets/js/jquery.min.js"></script>
    <script src="__UP_scheme__://__UP_host__:__UP_hostPort__/desktop/assets/js/finesse.js"></script>
    <ul id="events"></ul>
    <script>
      gadgets.HubSettings.onConnect = function () {
        var services = finesse.containerservices.ContainerServices.init();
        services.addHandler(services.Topics.WORKFLOW_ACTION_EVENT, function (event) {
          var item = document.createElement('li');
          item.textContent = [event.getName(), event.getType(), event.getHandledBy(),
            event.getParams().map(function (p) { return p.name + '=' + p.expandedValue; }).join(' '),
            event.getActionVariables().map(function (v) { return v.name + '=' + v.actualValue; }).join(' ')].join(' | ');
          document.getElementById('events').appendChild(item);
        });
        document.getElementById('events').setAttribute('data-ready', 'yes');
      };
    </script>
  ]]></Content>
</Module>`;

interface Received { method: string; url: string; contentType: string; body: string }

/** The customer's server: the gadget spec, the page a pop opens, and the endpoint the HTTP request reaches. */
async function serveCustomer(): Promise<{ server: Server; origin: string; received: Received[]; hook: Promise<Received> }> {
  const received: Received[] = [];
  let hooked: (r: Received) => void = () => undefined;
  const hook = new Promise<Received>((resolve) => { hooked = resolve; });
  const bodyOf = async (req: IncomingMessage): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const server = createServer((req, res) => {
    void bodyOf(req).then((body) => {
      const entry = { method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'] ?? '', body };
      received.push(entry);
      const path = entry.url.split('?')[0];
      if (path === '/gadgets/workflow-listener.xml') return res.writeHead(200, { 'content-type': 'application/xml' }).end(LISTENER_SPEC);
      if (path === '/hook') { hooked(entry); return res.writeHead(204).end(); }
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>CRM</title><p>Customer record</p>');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  return { server, origin: `http://127.0.0.1:${address.port}`, received, hook };
}

const CV1_NODE = '//Dialog/mediaProperties/callvariables/CallVariable/name[.=&quot;callVariable1&quot;]/../value';

const actionXml = (name: string, type: string, handledBy: string, params: Record<string, string>, variables: Record<string, string>) =>
  `<WorkflowAction><name>${name}</name><type>${type}</type><handledBy>${handledBy}</handledBy><params>${
    Object.entries(params).map(([n, v]) => `<Param><name>${n}</name><value>${v.replaceAll('&', '&amp;')}</value></Param>`).join('')
  }</params><actionVariables>${
    Object.entries(variables).map(([n, node]) => `<ActionVariable><name>${n}</name><node>${node}</node><type>SYSTEM</type><testValue>t</testValue></ActionVariable>`).join('')
  }</actionVariables></WorkflowAction>`;

const workflowXml = (name: string, condition: { comparator: string; value: string }, actionUris: string[]) => `<Workflow>
  <name>${name}</name><description>${name}</description><media>voice</media>
  <TriggerSet><type>CALL_ARRIVES</type><triggers><Trigger>
    <Variable><name>callVariable1</name><node>${CV1_NODE}</node><type>SYSTEM</type></Variable><comparator>IS_NOT_EMPTY</comparator><value></value>
  </Trigger></triggers></TriggerSet>
  <ConditionSet><applyMethod>ALL</applyMethod><conditions><Condition>
    <Variable><name>callVariable1</name><node>${CV1_NODE}</node><type>SYSTEM</type></Variable>
    <comparator>${condition.comparator}</comparator><value>${condition.value}</value>
  </Condition></conditions></ConditionSet>
  <workflowActions>${actionUris.map((uri) => `<WorkflowAction><uri>${uri}</uri></WorkflowAction>`).join('')}</workflowActions>
</Workflow>`;

describe('workflows on the agent desktop', { skip: skipWithoutChromium, timeout: 150_000 }, () => {
  let fx: WebFixture;
  let customer: Awaited<ReturnType<typeof serveCustomer>>;
  let browser: Browser;
  let desk: Desk;
  let listener: FrameLocator;

  async function create(path: string, body: string): Promise<string> {
    const created = await fx.call('POST', path, { as: ADMIN, body });
    assert.equal(created.status, 200, created.text);
    const location = created.headers.get('location');
    assert.ok(location);
    return new URL(location).pathname;
  }

  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen();
    await fx.web.csqs.whenBuilt();
    customer = await serveCustomer();
    const origin = customer.origin;
    // The proxy's allow-list lives under /cfadmin/api, outside the Finesse REST prefix.
    const put = await fetch(`${new URL(fx.baseUrl).origin}/cfadmin/api/ProxyAllowList`, {
      method: 'PUT', headers: { authorization: `Basic ${Buffer.from(`${ADMIN}:${TEST_PASSWORD}`).toString('base64')}`, 'content-type': 'application/xml' },
      body: `<ProxyAllowList><host>${new URL(origin).host}</host></ProxyAllowList>`,
    });
    assert.equal(put.status, 200, await put.text());

    const tab = `<tab><id>wf</id><icon>notes</icon><label>Workflow events</label><gadgets>
      <gadget>${origin}/gadgets/workflow-listener.xml</gadget></gadgets></tab>`;
    const layout = DEFAULT_LAYOUT_XML.replace('<tabs>', `<tabs>${tab}`);
    const escaped = layout.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    const stored = await fx.call('PUT', '/LayoutConfig/default', { as: ADMIN, body: `<LayoutConfig><layoutxml>${escaped}</layoutxml></LayoutConfig>` });
    assert.equal(stored.status, 200, stored.text);

    // Created first, so the desktop decides it before the matching one.
    const never = await create('/WorkflowAction', actionXml('Never', 'BROWSER_POP', 'FINESSE_DESKTOP',
      { windowUrl: `${origin}/never?acct=\${callVariable1}`, windowName: 'never' }, { callVariable1: CV1_NODE }));
    const otherAccounts = await create('/Workflow', workflowXml('Other accounts', { comparator: 'IS_EQUAL', value: 'someone-else' }, [never]));

    const pop = await create('/WorkflowAction', actionXml('Open CRM', 'BROWSER_POP', 'FINESSE_DESKTOP',
      { windowUrl: `${origin}/crm?acct=\${callVariable1}&from=\${caller}`, windowName: 'crm' },
      { callVariable1: CV1_NODE, caller: '//Dialog/fromAddress' }));
    const request = await create('/WorkflowAction', actionXml('Log the call', 'HTTP_REQUEST', 'FINESSE_DESKTOP',
      { method: 'POST', location: 'OTHER', path: `${origin}/hook?acct=\${callVariable1}`, contentType: 'application/json',
        body: '{"account":"${callVariable1}","caller":"${caller}"}' },
      { callVariable1: CV1_NODE, caller: '//Dialog/fromAddress' }));
    const other = await create('/WorkflowAction', actionXml('For gadgets', 'BROWSER_POP', 'OTHER',
      { windowUrl: `${origin}/other?acct=\${callVariable1}`, windowName: 'other' }, { callVariable1: CV1_NODE }));
    const accountCalls = await create('/Workflow', workflowXml('Account calls', { comparator: 'BEGINS_WITH', value: 'acct-' }, [pop, request, other]));
    // Workflows reach the agents of the teams they are assigned to (agent1 is in Sales).
    await fx.web.teams.whenBuilt();
    const assigned = await fx.call('PUT', `/Team/${demoTeamIds(fx).sales}/Workflows`, {
      as: ADMIN, body: `<Workflows>${[otherAccounts, accountCalls].map((uri) => `<Workflow><uri>${uri}</uri></Workflow>`).join('')}</Workflows>`,
    });
    assert.equal(assigned.status, 200, assigned.text);

    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    customer?.server.close();
    await fx?.close();
  });

  test('a call with callVariable1 pops the CRM, sends the request and tells the gadgets; the other workflow does nothing', async () => {
    desk = await signInDesktop(browser, fx, 'agent1', '1001');
    const page: Page = desk.page;
    listener = page.frameLocator('#panel_wf iframe >> nth=0');
    await listener.locator('#events[data-ready="yes"]').waitFor({ state: 'attached' });
    await page.selectOption('#state-select', 'READY');
    await headerState(page, 'Ready');

    const popups: string[] = [];
    page.on('popup', (p) => popups.push(p.url()));
    const popup = page.waitForEvent('popup');
    await placeLabCall(fx, '+14085550181', '7001', { callVariable1: 'acct-42' });

    const opened = await popup;
    await opened.waitForLoadState();
    assert.equal(opened.url(), `${customer.origin}/crm?acct=acct-42&from=%2B14085550181`);
    assert.equal(await opened.title(), 'CRM');

    const hook = await customer.hook;
    assert.deepEqual(hook, {
      method: 'POST', url: '/hook?acct=acct-42', contentType: 'application/json',
      body: '{"account":"acct-42","caller":"+14085550181"}',
    });

    const events = listener.locator('#events li');
    await events.nth(2).waitFor();
    assert.deepEqual(await events.allInnerTexts(), [
      `Open CRM | BROWSER_POP | FINESSE_DESKTOP | windowUrl=${customer.origin}/crm?acct=acct-42&from=%2B14085550181 windowName=crm | callVariable1=acct-42 caller=+14085550181`,
      `Log the call | HTTP_REQUEST | FINESSE_DESKTOP | method=POST location=OTHER path=${customer.origin}/hook?acct=acct-42 contentType=application/json body={"account":"acct-42","caller":"+14085550181"} | callVariable1=acct-42 caller=+14085550181`,
      `For gadgets | BROWSER_POP | OTHER | windowUrl=${customer.origin}/other?acct=acct-42 windowName=other | callVariable1=acct-42`,
    ]);
    // The workflow whose condition failed, decided before these, and the OTHER action left to gadgets: no window, no request.
    assert.deepEqual(popups, [opened.url()]);
    assert.deepEqual(customer.received.filter((r) => /^\/(never|other)/.test(r.url)), []);
  });
});
