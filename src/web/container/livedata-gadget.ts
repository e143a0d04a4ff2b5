// The Live Data gadget spec (desktop-and-gadgets.md §6.3: `/livedata/gadget/LiveDataGadget.xml?report=…`, path
// inference), served by web so that layouts name it relative to the node. What it shows comes from the query of
// the URL the layout gives (report, view, display=chart, gadgetHeight, teamIds, csqIds, serviceLevelTarget).
import type { FastifyPluginAsync } from 'fastify';
import { bundleUrl } from './built-assets.ts';
import type { ContainerContext } from './context.ts';

export const LIVEDATA_GADGET_PATHS = ['/livedata/gadget/LiveDataGadget.xml', '/livedata/gadget/LiveDataGadget.jsp'] as const;

const PREFS = ['report', 'view', 'display', 'gadgetHeight', 'teamIds', 'csqIds', 'agentIds', 'serviceLevelTarget'];

export const LIVEDATA_GADGET_SPEC = `<?xml version="1.0" encoding="UTF-8"?>
<Module>
  <ModulePrefs title="Live Data" description="Real-time reports: agent states, CSQ summary, team summary" height="310" scrolling="true">
    <Require feature="pubsub-2"/>
    <Require feature="setprefs"/>
    <Require feature="dynamic-height"/>
    <Require feature="settitle"/>
    <Require feature="views"/>
  </ModulePrefs>
${PREFS.map((name) => `  <UserPref name="${name}" datatype="hidden" default_value=""/>`).join('\n')}
  <Content type="html" view="default,canvas"><![CDATA[
    <link rel="stylesheet" href="${bundleUrl('livedata/gadget').replace(/\.js$/, '.css')}">
    <script src="${bundleUrl('livedata/gadget')}"></script>
  ]]></Content>
</Module>
`;

export const livedataGadgetPlugin: FastifyPluginAsync<ContainerContext> = async (app) => {
  for (const path of LIVEDATA_GADGET_PATHS) {
    app.get(path, async (_request, reply) => reply.type('application/xml; charset=utf-8').header('cache-control', 'no-cache').send(LIVEDATA_GADGET_SPEC));
  }
};
