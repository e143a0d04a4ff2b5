// The container side of finesse-library.test.ts, bundled by the test: a ManagedHub, the page's own `gadgets`
// over an inline client (installContainerGadgets, as the desktop gives the master finesse.js), gadgets mounted
// through /gadgets/ifr. Every message on the hub is logged for the test to read. Plain JS so the node typecheck
// does not need the DOM.
import { ManagedHub } from '../../desktop/hub/index.ts';
import { mountGadget } from '../../desktop/gadget-host/index.ts';
import { installContainerGadgets } from '../../desktop/gadget-runtime/globals.ts';

const log = []; // { topic, data } of every publish, in order
const hub = new ManagedHub({ onPublish: () => true, onSubscribe: () => true });
hub.subscribe('**', (topic, data) => { log.push({ topic, data }); });

window.hubLog = log;
window.hubReady = installContainerGadgets({ hub, clientId: 'finesse-master', prefs: {} });
window.mountTestGadget = (specUrl, mid, prefs, parent) => { mountGadget({ hub, parent, specUrl, mid, prefs }); };
