// Configuration objects with nested structure (workflows, workflow actions, media properties layouts) edited as
// their REST XML (rest-api.md §7): pick one from the list, change its XML, save; or start from a template.
import { h, replaceContent } from '../../gadgets/shared/dom.ts';
import { describeApiFailure, type AdminApi } from '../api.ts';
import { MessageLine } from '../section.ts';
import { childElements, childText, prettyXml, uriOf } from '../xml.ts';

export interface XmlListSpec {
  noun: string;
  listPath: string;
  itemTag: string;
  createPath: string;
  template: string;
  describe: (item: Element) => string;
  /** Items that cannot be deleted (the default media properties layout). */
  keep?: (item: Element) => boolean;
}

export async function xmlList(body: HTMLElement, api: AdminApi, spec: XmlListSpec): Promise<void> {
  const message = new MessageLine();
  const slug = spec.noun.replaceAll(' ', '-');
  let items: Element[] = [];
  let selected: Element | undefined;
  let draft = '';

  const load = async () => {
    try {
      items = childElements(await api.get(spec.listPath), spec.itemTag);
    } catch (err) {
      items = [];
      message.error(describeApiFailure(`Could not load the ${spec.noun}s`, err));
    }
  };

  const select = async (item: Element | undefined) => {
    message.clear();
    selected = item;
    if (!item) {
      draft = spec.template;
    } else {
      try {
        draft = prettyXml(await api.get(uriOf(item)));
      } catch (err) {
        message.error(describeApiFailure(`Could not load the ${spec.noun}`, err));
        draft = prettyXml(item);
      }
    }
    render();
  };

  const save = async () => {
    try {
      if (selected) await api.request('PUT', uriOf(selected), draft);
      else await api.request('POST', spec.createPath, draft);
      const created = !selected;
      await load();
      selected = created ? undefined : items.find((i) => uriOf(i) === uriOf(selected ?? i));
      if (created) draft = spec.template;
      render();
      message.done(created ? `The ${spec.noun} was added.` : `The ${spec.noun} was saved.`);
    } catch (err) {
      message.error(describeApiFailure(`Could not save the ${spec.noun}`, err));
    }
  };

  const remove = async () => {
    if (!selected || !window.confirm(`Delete this ${spec.noun}?`)) return;
    try {
      await api.request('DELETE', uriOf(selected));
      selected = undefined;
      draft = spec.template;
      await load();
      render();
      message.done(`The ${spec.noun} was deleted.`);
    } catch (err) {
      message.error(describeApiFailure(`Could not delete the ${spec.noun}`, err));
    }
  };

  const render = () => {
    const editorId = `${slug}-xml`;
    replaceContent(body, [
      message.element,
      h('div', { class: 'admin-split' },
        h('ul', { class: 'admin-picker', 'aria-label': `${spec.noun}s` },
          h('li', {}, h('button', { type: 'button', 'aria-pressed': String(!selected), onclick: () => void select(undefined) }, `New ${spec.noun}`)),
          ...items.map((item) => h('li', {}, h('button', {
            type: 'button', 'aria-pressed': String(item === selected), 'data-uri': uriOf(item), onclick: () => void select(item),
          }, spec.describe(item) || childText(item, 'uri'))))),
        h('form', { class: 'admin-xml', onsubmit: (event) => { event.preventDefault(); void save(); } },
          h('label', { for: editorId }, selected ? `XML of this ${spec.noun}` : `XML of the new ${spec.noun}`),
          h('textarea', { id: editorId, rows: 18, spellcheck: 'false',
            oninput: (event) => { draft = (event.target as HTMLTextAreaElement).value; } }, draft),
          h('div', { class: 'poise-row' },
            h('button', { type: 'submit', class: 'primary', 'data-action': 'save' }, selected ? 'Save' : 'Add'),
            selected && !(spec.keep?.(selected) ?? false)
              ? h('button', { type: 'button', class: 'quiet-danger', 'data-action': 'delete', onclick: () => void remove() }, 'Delete')
              : undefined))),
    ]);
  };

  await load();
  draft = spec.template;
  render();
}
