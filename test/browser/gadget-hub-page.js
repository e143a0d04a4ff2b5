// The test page's script for gadget-hub.test.ts, bundled by the test: a container page with a ManagedHub and
// a policy, mounting gadgets through mountGadget. Plain JS so the node typecheck does not need the DOM.
import { ManagedHub } from '../../desktop/hub/index.ts';
import { mountGadget } from '../../desktop/gadget-host/index.ts';
import { installContainerGadgets } from '../../desktop/gadget-runtime/globals.ts';

const events = { alerts: [], resizes: [], prefs: [], titles: [], ownReceived: [], services: [], gadgetAlerts: [] };
let hub;
const mounted = new Map();

window.hubTest = {
  events,
  start() {
    hub = new ManagedHub({
      // Gadgets may not publish on secret.**; the page itself may.
      onPublish: (topic, _data, publisher) => !(topic.startsWith('secret.') && publisher !== null),
      onSubscribe: (topic) => topic !== 'forbidden.topic',
      onSecurityAlert: (container, alert) => events.alerts.push([container.getClientID(), alert]),
    });
    hub.subscribe('sampleGadget.**', (topic, data) => events.ownReceived.push({ topic, data }));
  },
  mount(mid, specUrl, prefs, timeout) {
    const parent = document.createElement('div');
    parent.className = 'tab-panel';
    parent.id = `panel_${mid}`;
    document.body.appendChild(parent);
    mounted.set(String(mid), mountGadget({
      hub, parent, specUrl, mid, prefs,
      onResize: (height) => events.resizes.push([String(mid), height]),
      onTitle: (title) => events.titles.push([String(mid), title]),
      onPref: (name, value) => events.prefs.push([String(mid), name, value]),
      onService: (service, args) => events.services.push([String(mid), service, args]),
      onSecurityAlert: (alert) => events.gadgetAlerts.push([String(mid), alert]),
      timeout,
    }));
  },
  publish(topic, data) { hub.publish(topic, data); },
  /** The page's own `gadgets` over an inline client, as the master finesse.js gets it. */
  async installGlobals() {
    await installContainerGadgets({ hub, clientId: 'finesse-master', prefs: { host: 'node', authorization: 'xyz' } });
    events.inline = [];
    window.gadgets.Hub.subscribe('sampleGadget.**', (topic, data) => events.inline.push({ topic, data }));
    return { connected: window.gadgets.Hub.isConnected(), host: new window.gadgets.Prefs().getString('host'),
      openAjax: typeof window.OpenAjax.hub.ManagedHub };
  },
  iframeHeight(mid) { return mounted.get(String(mid)).iframe.style.height; },
  iframeSrc(mid) { return mounted.get(String(mid)).iframe.src; },
  reload(mid, specUrl) { mounted.get(String(mid)).reload(specUrl); },
  unmount(mid) { mounted.get(String(mid)).unmount(); mounted.delete(String(mid)); },
  containers() { return hub.listContainers().map((c) => c.getClientID()); },
};
