import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml, type Element } from '../../../src/shared/xml/index.ts';
import { gadgetsOfRole, layoutForRole, parseLayout, type LayoutResult, type XmlView } from '../../../desktop/container/layout-model.ts';

// The Poise default of desktop-and-gadgets.md §2, as the spec gives it.
const SPEC_EXAMPLE = `<finesseLayout xmlns="http://www.cisco.com/vtg/finesse">
  <version>1.0</version>
  <configs><config key="title" value="Poise"/></configs>
  <layout>
    <role>Agent</role>
    <page><gadget>/desktop/scripts/js/callcontrol.js</gadget></page>
    <tabs>
      <tab><id>home</id><icon>home</icon><label>finesse.container.tabs.agent.homeLabel</label>
        <columns><column><gadgets>
          <gadget>/livedata/gadget/LiveDataGadget.xml?report=agentCsqStatistics&amp;gadgetHeight=200</gadget>
        </gadgets></column></columns></tab>
    </tabs>
  </layout>
  <layout>
    <role>Supervisor</role>
    <page><gadget>/desktop/scripts/js/callcontrol.js</gadget></page>
    <tabs>
      <tab><id>manageTeam</id><icon>manage-team</icon><label>finesse.container.tabs.supervisor.manageTeamLabel</label>
        <gadgets>
          <gadget id="team-performance" maxRows="20">/desktop/scripts/js/teamPerformance.js</gadget>
          <gadget managedBy="team-performance">/livedata/gadget/LiveDataGadget.xml?report=recentStateHistory&amp;type=dynamic</gadget>
        </gadgets></tab>
    </tabs>
  </layout>
</finesseLayout>`;

/** The layout parser reads a minimal element view; here it is ltx's, in the browser DOMParser's. */
function view(element: Element): XmlView {
  return {
    name: element.getName().split(':').pop() ?? '',
    attribute: (name) => { const value: unknown = element.attrs[name]; return typeof value === 'string' ? value : undefined; },
    children: () => element.getChildElements().map(view),
    text: () => element.getText(),
  };
}

function parse(xml: string): LayoutResult {
  const parsed = parseXml(xml);
  assert.ok(parsed.ok, 'well-formed test input');
  return parseLayout(view(parsed.root));
}

test('the example layout of §2: configs and both roles', () => {
  const result = parse(SPEC_EXAMPLE);
  assert.ok(result.ok);
  assert.equal(result.layout.configs.title, 'Poise');
  const agent = layoutForRole(result.layout, 'Agent');
  assert.deepEqual(agent?.page, [{ url: '/desktop/scripts/js/callcontrol.js', alternateHosts: [] }]);
  assert.deepEqual(agent?.tabs.map((t) => [t.id, t.label, t.columns.length]), [['home', 'finesse.container.tabs.agent.homeLabel', 1]]);
  assert.equal(agent?.tabs[0]?.columns[0]?.[0]?.url, '/livedata/gadget/LiveDataGadget.xml?report=agentCsqStatistics&gadgetHeight=200');
  const supervisor = layoutForRole(result.layout, 'Supervisor');
  assert.equal(supervisor?.role, 'Supervisor');
  assert.deepEqual(supervisor?.tabs[0]?.columns[0], [
    { url: '/desktop/scripts/js/teamPerformance.js', id: 'team-performance', maxRows: 20, alternateHosts: [] },
    { url: '/livedata/gadget/LiveDataGadget.xml?report=recentStateHistory&type=dynamic', managedBy: 'team-performance', alternateHosts: [] },
  ]);
  assert.equal(gadgetsOfRole(supervisor!).length, 3);
});

test('columns: at most four, maxRows at least 10, alternate hosts split, header components read', () => {
  const column = (n: number) => `<column><gadgets><gadget maxRows="3" alternateHosts="b.example.com, c.example.com">https://a.example.com/g${n}.xml</gadget></gadgets></column>`;
  const result = parse(`<finesseLayout xmlns="http://www.cisco.com/vtg/finesse"><version>1252.02</version>
    <configs><config key="title" value="Sales"/><config key="logo" value="/3rdpartygadget/files/logo.png"/></configs>
    <header><leftAlignedColumns><headercolumn width="300px"><component id="cisco-logo"><url>/desktop/scripts/js/logo.js</url></component></headercolumn></leftAlignedColumns></header>
    <layout><role>Agent</role><page/><tabs><tab><id>t</id><label>Custom</label><columns>${[1, 2, 3, 4, 5].map(column).join('')}</columns></tab></tabs></layout>
  </finesseLayout>`);
  assert.ok(result.ok);
  assert.equal(result.layout.version, '1252.02');
  assert.equal(result.layout.configs.logo, '/3rdpartygadget/files/logo.png');
  assert.deepEqual(result.layout.header.left, [{ id: 'cisco-logo', url: '/desktop/scripts/js/logo.js' }]);
  const tab = result.layout.roles[0]?.tabs[0];
  assert.equal(tab?.columns.length, 4);
  assert.deepEqual(tab?.columns[3]?.[0], { url: 'https://a.example.com/g4.xml', maxRows: 10, alternateHosts: ['b.example.com', 'c.example.com'] });
});

test('a supervisor without a layout of their own gets the agent layout', () => {
  const result = parse('<finesseLayout xmlns="http://www.cisco.com/vtg/finesse"><layout><role>Agent</role><tabs/></layout></finesseLayout>');
  assert.ok(result.ok);
  assert.equal(layoutForRole(result.layout, 'Supervisor')?.role, 'Agent');
});

test('refused: another root, or no role layout at all', () => {
  assert.deepEqual(parse('<layout/>'), { ok: false, error: 'The layout root is layout, not finesseLayout.' });
  const noRoles = parse('<finesseLayout xmlns="http://www.cisco.com/vtg/finesse"><layout><role>Admin</role></layout></finesseLayout>');
  assert.equal(noRoles.ok, false);
});

test('tabs without ids or gadgets without URLs do not break the layout', () => {
  const result = parse(`<finesseLayout xmlns="http://www.cisco.com/vtg/finesse"><layout><role>Agent</role>
    <tabs><tab><label>x</label><gadgets><gadget>  </gadget><gadget>/a.xml</gadget></gadgets></tab></tabs></layout></finesseLayout>`);
  assert.ok(result.ok);
  assert.deepEqual(result.layout.roles[0]?.tabs[0], { id: 'tab1', icon: '', label: 'x', columns: [[{ url: '/a.xml', alternateHosts: [] }]] });
});
