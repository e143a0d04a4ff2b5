// Desktop layouts (rest-api.md §7, desktop-and-gadgets.md §2): the default LayoutConfig and, per team, a
// TeamLayoutConfig that either uses the default or carries its own layout XML.
import { h, replaceContent } from '../../gadgets/shared/dom.ts';
import { describeApiFailure, type AdminApi } from '../api.ts';
import { MessageLine, type Section } from '../section.ts';
import { teamChoices, type TeamChoice } from '../teams.ts';
import { childText, escapeXml } from '../xml.ts';

async function defaultEditor(body: HTMLElement, api: AdminApi): Promise<void> {
  const message = new MessageLine();
  let layout = '';
  try {
    layout = childText(await api.get('/finesse/api/LayoutConfig/default'), 'layoutxml');
  } catch (err) {
    message.error(describeApiFailure('Could not load the default layout', err));
  }
  const textarea = h('textarea', { id: 'default-layout-xml', rows: 20, spellcheck: 'false' }, layout);
  const form = h('form', { class: 'admin-xml', 'aria-label': 'Default desktop layout' },
    h('label', { for: 'default-layout-xml' }, 'Layout XML (finesseLayout) used by every team without its own'),
    textarea,
    h('div', { class: 'poise-row' }, h('button', { type: 'submit', class: 'primary', 'data-action': 'save' }, 'Save default layout')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void api.request('PUT', '/finesse/api/LayoutConfig/default', `<LayoutConfig><layoutxml>${escapeXml(textarea.value)}</layoutxml></LayoutConfig>`)
      .then(() => message.done('The default layout was saved.'),
        (err: unknown) => message.error(describeApiFailure('Could not save the default layout', err)));
  });
  replaceContent(body, [message.element, form]);
}

async function teamEditor(body: HTMLElement, api: AdminApi, team: TeamChoice): Promise<void> {
  const message = new MessageLine();
  const path = `/finesse/api/Team/${encodeURIComponent(team.id)}/LayoutConfig`;
  let useDefault = true;
  let layout = '';
  try {
    const config = await api.get(path);
    useDefault = childText(config, 'useDefault') !== 'false';
    layout = childText(config, 'layoutxml');
  } catch (err) {
    message.error(describeApiFailure(`Could not load the layout of ${team.name}`, err));
  }
  const checkbox = h('input', { id: 'team-layout-default', type: 'checkbox', checked: useDefault });
  const textarea = h('textarea', { id: 'team-layout-xml', rows: 18, spellcheck: 'false', disabled: useDefault }, layout);
  checkbox.addEventListener('change', () => { textarea.disabled = checkbox.checked; });
  const form = h('form', { class: 'admin-xml', 'aria-label': `Desktop layout of ${team.name}` },
    h('label', { class: 'admin-check' }, checkbox, 'Use the default layout'),
    h('label', { for: 'team-layout-xml' }, `Layout XML of ${team.name}`),
    textarea,
    h('div', { class: 'poise-row' }, h('button', { type: 'submit', class: 'primary', 'data-action': 'save' }, 'Save team layout')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const xml = `<TeamLayoutConfig><useDefault>${checkbox.checked}</useDefault><layoutxml>${escapeXml(textarea.value)}</layoutxml></TeamLayoutConfig>`;
    void api.request('PUT', path, xml).then(() => message.done(`The layout of ${team.name} was saved.`),
      (err: unknown) => message.error(describeApiFailure(`Could not save the layout of ${team.name}`, err)));
  });
  replaceContent(body, [message.element, form]);
}

export const desktopLayoutsSection: Section = {
  id: 'desktop-layouts',
  title: 'Desktop layouts',
  async open(body, api) {
    const message = new MessageLine();
    const teams = await teamChoices(api, message);
    const editor = h('div', { class: 'admin-sub' });
    const select = h('select', { id: 'layout-scope' },
      h('option', { value: '' }, 'Default layout'),
      ...teams.map((t) => h('option', { value: t.id }, `Team ${t.name}`)));
    select.addEventListener('change', () => {
      const team = teams.find((t) => t.id === select.value);
      void (team ? teamEditor(editor, api, team) : defaultEditor(editor, api));
    });
    replaceContent(body, [message.element, h('div', { class: 'poise-row' }, h('label', { for: 'layout-scope' }, 'Layout of', select)), editor]);
    await defaultEditor(editor, api);
  },
};
