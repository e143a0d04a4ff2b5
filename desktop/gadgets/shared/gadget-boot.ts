// How every built-in gadget starts, as Finesse's sample gadgets do: once the hub connects
// (gadgets.HubSettings.onConnect), ClientServices.init with finesse.gadget.Config, then the signed-in User.
import { h, replaceContent } from './dom.ts';
import { describeFailure } from './errors.ts';
import { finesseLibrary, gadgetsLibrary, type FinesseLibrary, type User } from './finesse-api.ts';

export interface GadgetSession {
  finesse: FinesseLibrary;
  user: User;
  /** finesse.gadget.Config after ClientServices.init (it holds `id` and `extension`). */
  config: Record<string, unknown>;
  root: HTMLElement;
  /** Asks the container to fit the iframe to the content, once per frame at most. */
  resize(): void;
  /** The server's clock when the library knows the drift, else the browser's. */
  serverNow(): number;
}

export interface GadgetStart {
  onUserLoad(session: GadgetSession): void;
  onUserChange?(session: GadgetSession): void;
}

const ROOT_ID = 'poise-gadget';

export function bootGadget(start: GadgetStart): void {
  const gadgets = gadgetsLibrary();
  gadgets.HubSettings.onConnect = () => {
    const root = document.getElementById(ROOT_ID) ?? document.body.appendChild(h('div', { id: ROOT_ID }));
    let pending = false;
    const resize = () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; gadgets.window.adjustHeight(); });
    };
    try {
      connect(root, resize, start);
    } catch (err) {
      replaceContent(root, [h('p', { class: 'poise-error', role: 'alert' },
        `This gadget could not start: ${err instanceof Error ? err.message : String(err)}.`)]);
      resize();
    }
  };
}

function connect(root: HTMLElement, resize: () => void, start: GadgetStart): void {
  const finesse = finesseLibrary();
  const config = finesse.gadget.Config;
  const services = finesse.clientservices.ClientServices;
  services.init(config, false);
  const banner = h('p', { class: 'poise-banner', role: 'status', hidden: true }, 'Connection to the server lost; reconnecting…');
  document.body.prepend(banner);
  services.registerOnDisconnectHandler?.(() => { banner.hidden = false; resize(); });
  services.registerOnConnectHandler?.(() => { banner.hidden = true; resize(); });
  const serverNow = () => finesse.utilities?.Utilities?.currentServerTimeMillis?.() ?? Date.now();
  let session: GadgetSession | undefined;
  const user = new finesse.restservices.User({
    id: config.id,
    onLoad: (loaded: User) => {
      session = { finesse, user: loaded, config, root, resize, serverNow };
      start.onUserLoad(session);
      resize();
    },
    onChange: () => { if (session) start.onUserChange?.(session); },
    onError: (rsp: unknown) => {
      replaceContent(root, [h('p', { class: 'poise-error', role: 'alert' }, describeFailure('Could not load your user', rsp))]);
      resize();
    },
  });
  void user;
}
