// The hosts gadgets may reach through /gadgets/makeRequest (desktop-and-gadgets.md §3.3: targets limited to an
// allow-list), read and replaced whole at /cfadmin/api/ProxyAllowList as `<ProxyAllowList><host>h:port</host>…`.
import { h, replaceContent } from '../../gadgets/shared/dom.ts';
import { describeApiFailure } from '../api.ts';
import { MessageLine, type Section } from '../section.ts';
import { childElements, escapeXml } from '../xml.ts';

const PATH = '/cfadmin/api/ProxyAllowList';

const hostsOf = (list: Element): string[] => childElements(list, 'host').map((e) => (e.textContent ?? '').trim()).filter(Boolean);

export const proxyAllowListSection: Section = {
  id: 'proxy-allow-list',
  title: 'Gadget proxy hosts',
  async open(body, api) {
    const message = new MessageLine();
    let hosts: string[] = [];
    let loaded = false;
    try {
      hosts = hostsOf(await api.get(PATH));
      loaded = true;
    } catch (err) {
      message.error(describeApiFailure('Could not load the allowed hosts', err));
    }
    const save = async (next: string[]) => {
      try {
        const { root } = await api.request('PUT', PATH, `<ProxyAllowList>${next.map((host) => `<host>${escapeXml(host)}</host>`).join('')}</ProxyAllowList>`);
        // The server answers the list as saved (entries normalised, e.g. lower case).
        hosts = root ? hostsOf(root) : next;
        render();
        message.done('The allowed hosts were saved.');
      } catch (err) {
        message.error(describeApiFailure('Could not save the allowed hosts', err));
      }
    };
    const render = () => {
      const input = h('input', { id: 'proxy-host', type: 'text', placeholder: 'crm.example.com:443', autocomplete: 'off' });
      const form = h('form', { class: 'admin-form', 'aria-label': 'Add a host' },
        h('div', { class: 'poise-row' }, h('label', { for: 'proxy-host' }, 'Host (and port)', input),
          h('button', { type: 'submit', class: 'primary', 'data-action': 'save', disabled: !loaded }, 'Add host')));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const host = input.value.trim();
        if (host === '') { message.error('Enter a host name, optionally followed by :port, such as crm.example.com:443.'); return; }
        if (hosts.includes(host)) { message.error(`${host} is already allowed.`); return; }
        void save([...hosts, host]);
      });
      replaceContent(body, [
        message.element,
        h('p', { class: 'poise-muted' }, 'Gadgets may call these hosts through the desktop’s request proxy; every other host is refused.'),
        hosts.length > 0
          ? h('ul', { class: 'admin-hosts' }, ...hosts.map((host) => h('li', { 'data-host': host }, h('code', {}, host),
            h('button', { type: 'button', class: 'quiet-danger', 'aria-label': `Remove ${host}`, onclick: () => void save(hosts.filter((x) => x !== host)) }, 'Remove'))))
          : h('p', {}, 'No hosts are allowed yet.'),
        form,
      ]);
    };
    render();
  },
};
