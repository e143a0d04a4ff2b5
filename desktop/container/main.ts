// The `container` bundle: the desktop page at /desktop/container/ (desktop-and-gadgets.md §1). It owns the managed
// hub, whose policy keeps server notifications to the master (hub-policy.ts).
import './styles.css';
import { ManagedHub } from '../hub/index.ts';
import { mountGadget } from '../gadget-host/index.ts';
import { installContainerGadgets } from '../gadget-runtime/globals.ts';
import { startApp } from './app.ts';
import { mayPublish } from './hub-policy.ts';
import { MASTER_CLIENT_ID } from './hub-types.ts';

const hub = new ManagedHub({
  onPublish: (topic: string, _data: unknown, publisher: unknown) => mayPublish(topic, publisher, MASTER_CLIENT_ID),
  onSubscribe: () => true,
  onUnsubscribe: () => undefined,
  onSecurityAlert: (source: unknown, alert: unknown) => console.warn('hub security alert', source, alert),
});

const root = document.getElementById('desktop-root') ?? document.body;
void startApp({
  root,
  hub,
  mountGadget: (options) => mountGadget({ hub, ...options }),
  installGadgets: (prefs) => installContainerGadgets({ hub, clientId: MASTER_CLIENT_ID, prefs }),
  locale: document.body.dataset.locale ?? 'en_US',
  finesseScript: document.body.dataset.finesseScript ?? '/desktop/assets/js/finesse.js',
});
