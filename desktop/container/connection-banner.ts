// The desktop's one line about what is not working, in plain words; the desktop stays signed in meanwhile.
// "Reconnecting…" while the master reports the XMPP connection lost (desktop-and-gadgets.md §4.2, §7), and once the
// node counts as lost (`failing`) that the desktop moves. With the connection up, a SystemInfo OUT_OF_SERVICE (the
// web service lost the engine; notifications.md §12) says the contact center is not available until IN_SERVICE.
import { h } from './dom.ts';
import type { PageHub } from './hub-types.ts';
import { CONNECTION_TOPIC, isConnectedStatus, statusOf } from './master.ts';
import { readSystemStatus, topicOfNode, type SystemStatus } from './notification.ts';

export const SYSTEM_INFO_TOPIC = topicOfNode('/finesse/api/SystemInfo');

const LOST = new Set(['reconnecting', 'disconnected', 'failing', 'connecting']);

type Connection = 'up' | 'lost' | 'failing';

const WORDS: Record<Connection | SystemStatus, string> = {
  failing: 'Reconnecting… This node is not answering; your desktop moves to the other node as soon as it is in service.',
  lost: 'Reconnecting… Your desktop will update again once the connection is back.',
  OUT_OF_SERVICE: 'The contact center is not available right now. You are still signed in; calls and state changes '
    + 'work again as soon as it is back.',
  up: '',
  IN_SERVICE: '',
};

export function connectionBanner(hub: PageHub): HTMLElement {
  const text = h('span', {}, '');
  const banner = h('div', { class: 'connection-banner', id: 'connection-banner', role: 'status', 'aria-live': 'polite', hidden: true }, text);
  let connection: Connection = 'up';
  let system: SystemStatus = 'IN_SERVICE'; // the desktop signs in only while it is (§1 step 5)
  const render = (): void => {
    const words = connection !== 'up' ? WORDS[connection] : WORDS[system];
    banner.hidden = words === '';
    banner.dataset.reason = connection !== 'up' ? connection : system === 'OUT_OF_SERVICE' ? 'out-of-service' : '';
    text.textContent = words;
  };
  hub.subscribe(CONNECTION_TOPIC, (_topic, data) => {
    const status = statusOf(data);
    if (isConnectedStatus(status)) connection = 'up';
    else if (status === 'failing') connection = 'failing';
    else if (LOST.has(status) && connection === 'up') connection = 'lost';
    render();
  });
  hub.subscribe(SYSTEM_INFO_TOPIC, (_topic, data) => {
    const status = readSystemStatus(data);
    if (!status) return;
    system = status;
    render();
  });
  return banner;
}
