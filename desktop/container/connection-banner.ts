// The desktop's one line about what is not working, in plain words (banner-state.ts decides which); the desktop
// stays signed in meanwhile. It follows `finesse.info.connection` and the SystemInfo node's notifications.
import { BannerState } from './banner-state.ts';
import { h } from './dom.ts';
import type { PageHub } from './hub-types.ts';
import { CONNECTION_TOPIC, statusOf } from './master.ts';
import { readSystemStatus, topicOfNode, type SystemStatus } from './notification.ts';

export const SYSTEM_INFO_TOPIC = topicOfNode('/finesse/api/SystemInfo');

/** One GET of this node's SystemInfo: its status, or undefined when the node did not answer. */
export type ReadSystemStatus = () => Promise<SystemStatus | undefined>;

export function connectionBanner(hub: PageHub, readStatus: ReadSystemStatus): HTMLElement {
  const text = h('span', {}, '');
  const banner = h('div', { class: 'connection-banner', id: 'connection-banner', role: 'status', 'aria-live': 'polite', hidden: true }, text);
  const state = new BannerState();
  const render = (): void => {
    const { words, reason } = state.view();
    banner.hidden = words === '';
    banner.dataset.reason = reason;
    text.textContent = words;
  };
  hub.subscribe(CONNECTION_TOPIC, (_topic, data) => {
    if (state.connection(statusOf(data))) {
      void readStatus().then((status) => { if (status) { state.system(status); render(); } });
    }
    render();
  });
  hub.subscribe(SYSTEM_INFO_TOPIC, (_topic, data) => {
    const status = readSystemStatus(data);
    if (!status) return;
    state.system(status);
    render();
  });
  return banner;
}
