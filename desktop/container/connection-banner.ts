// "Reconnecting…" while the master reports the XMPP connection lost (desktop-and-gadgets.md §4.2, §7), gone when it
// is back; the desktop stays signed in meanwhile. Once the node counts as lost (`failing`) it says the desktop moves.
import { h } from './dom.ts';
import type { PageHub } from './hub-types.ts';
import { CONNECTION_TOPIC, isConnectedStatus, statusOf } from './master.ts';

const LOST = new Set(['reconnecting', 'disconnected', 'failing', 'connecting']);

export function connectionBanner(hub: PageHub): HTMLElement {
  const text = h('span', {}, '');
  const banner = h('div', { class: 'connection-banner', id: 'connection-banner', role: 'status', 'aria-live': 'polite', hidden: true }, text);
  hub.subscribe(CONNECTION_TOPIC, (_topic, data) => {
    const status = statusOf(data);
    if (isConnectedStatus(status)) {
      banner.hidden = true;
      text.textContent = '';
    } else if (status === 'failing') {
      banner.hidden = false;
      text.textContent = 'Reconnecting… This node is not answering; your desktop moves to the other node as soon as it is in service.';
    } else if (LOST.has(status) && banner.hidden) {
      banner.hidden = false;
      text.textContent = 'Reconnecting… Your desktop will update again once the connection is back.';
    }
  });
  return banner;
}
