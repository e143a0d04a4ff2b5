// A configuration list edited through forms: a table of the items of a REST list, a form to add one or edit the
// selected one, and Delete. Reason codes, wrap-up reasons, phone books and contacts are all this shape.
import { h, replaceContent } from '../../gadgets/shared/dom.ts';
import { describeApiFailure, type AdminApi } from '../api.ts';
import { MessageLine } from '../section.ts';
import { childElements, childText, uriOf, xmlDocument } from '../xml.ts';

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'number' | 'select' | 'checkbox';
  /** Values of a select, each with the words shown for it. */
  options?: readonly (readonly [value: string, label: string])[];
  maxLength?: number;
  /** Sent on create only (e.g. a reason code's category, which PUT does not change). */
  createOnly?: boolean;
}

export interface FormListSpec {
  /** "reason code" */
  noun: string;
  listPath: string;
  itemTag: string;
  rootTag: string;
  createPath: string;
  columns: readonly { label: string; value: (item: Element) => string }[];
  fields: readonly FieldSpec[];
  /** Items shown but not editable (system reason codes). */
  readOnly?: (item: Element) => boolean;
  rowActions?: (item: Element) => { label: string; run: () => void }[];
}

type Values = Record<string, string>;

function fieldControl(spec: FieldSpec, id: string, value: string): HTMLElement {
  switch (spec.kind) {
    case 'checkbox':
      return h('label', { class: 'admin-check' }, h('input', { id, name: spec.name, type: 'checkbox', checked: value === 'true' }), spec.label);
    case 'select':
      return h('label', {}, spec.label, h('select', { id, name: spec.name },
        ...(spec.options ?? []).map(([v, label]) => h('option', { value: v, selected: v === value }, label))));
    default:
      return h('label', {}, spec.label, h('input', {
        id, name: spec.name, type: spec.kind === 'number' ? 'number' : 'text', value, maxlength: spec.maxLength,
      }));
  }
}

function readForm(form: HTMLFormElement, fields: readonly FieldSpec[]): Values {
  const out: Values = {};
  for (const f of fields) {
    const control = form.elements.namedItem(f.name);
    if (control instanceof HTMLInputElement && control.type === 'checkbox') out[f.name] = String(control.checked);
    else if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement) out[f.name] = control.value.trim();
  }
  return out;
}

/** Renders the list into `body` and keeps it current after each change. */
export async function formList(body: HTMLElement, api: AdminApi, spec: FormListSpec): Promise<void> {
  const message = new MessageLine();
  let editing: Element | undefined;
  let items: Element[] = [];
  const slug = spec.noun.replaceAll(' ', '-');

  const load = async () => {
    try {
      items = childElements(await api.get(spec.listPath), spec.itemTag);
    } catch (err) {
      items = [];
      message.error(describeApiFailure(`Could not load the ${spec.noun}s`, err));
    }
  };

  const save = async (form: HTMLFormElement) => {
    const values = readForm(form, spec.fields);
    const fields = spec.fields.filter((f) => !(editing && f.createOnly)).map((f) => [f.name, values[f.name]] as const);
    const xml = xmlDocument(spec.rootTag, fields);
    try {
      if (editing) await api.request('PUT', uriOf(editing), xml);
      else await api.request('POST', spec.createPath, xml);
      message.done(editing ? `The ${spec.noun} was saved.` : `The ${spec.noun} was added.`);
      editing = undefined;
      await load();
      render();
    } catch (err) {
      message.error(describeApiFailure(`Could not save the ${spec.noun}`, err));
    }
  };

  const remove = async (item: Element) => {
    if (!window.confirm(`Delete this ${spec.noun}?`)) return;
    try {
      await api.request('DELETE', uriOf(item));
      message.done(`The ${spec.noun} was deleted.`);
      if (editing === item) editing = undefined;
      await load();
      render();
    } catch (err) {
      message.error(describeApiFailure(`Could not delete the ${spec.noun}`, err));
    }
  };

  const render = () => {
    const table = h('table', { class: 'admin-table' },
      h('thead', {}, h('tr', {}, ...spec.columns.map((c) => h('th', { scope: 'col' }, c.label)), h('th', { scope: 'col' }, h('span', { class: 'poise-sr-only' }, 'Actions')))),
      h('tbody', {}, ...items.map((item) => {
        const locked = spec.readOnly?.(item) ?? false;
        return h('tr', { 'data-uri': uriOf(item), 'aria-selected': String(item === editing) },
          ...spec.columns.map((c) => h('td', {}, c.value(item))),
          h('td', {}, h('div', { class: 'admin-row-actions' },
            ...(spec.rowActions?.(item) ?? []).map((a) => h('button', { type: 'button', onclick: a.run }, a.label)),
            locked ? h('span', { class: 'poise-muted' }, 'system') : undefined,
            locked ? undefined : h('button', { type: 'button', 'data-action': 'edit', onclick: () => { editing = item; message.clear(); render(); } }, 'Edit'),
            locked ? undefined : h('button', { type: 'button', class: 'quiet-danger', 'data-action': 'delete', onclick: () => void remove(item) }, 'Delete'))));
      })));
    const current: Values = {};
    for (const f of spec.fields) current[f.name] = editing ? childText(editing, f.name) : (f.kind === 'checkbox' ? 'true' : f.options?.[0]?.[0] ?? '');
    const form = h('form', { class: 'admin-form', 'aria-label': editing ? `Edit ${spec.noun}` : `Add ${spec.noun}` },
      h('h3', {}, editing ? `Edit ${spec.noun}` : `Add a ${spec.noun}`),
      h('div', { class: 'poise-row' },
        ...spec.fields.filter((f) => !(editing && f.createOnly)).map((f) => fieldControl(f, `${slug}-${f.name}`, current[f.name] ?? '')),
        h('button', { type: 'submit', class: 'primary', id: `${slug}-save`, 'data-action': 'save' }, editing ? 'Save' : 'Add'),
        editing ? h('button', { type: 'button', onclick: () => { editing = undefined; render(); } }, 'Cancel') : undefined));
    form.addEventListener('submit', (event) => { event.preventDefault(); void save(form); });
    replaceContent(body, [
      message.element,
      items.length > 0 ? table : h('p', { class: 'poise-muted' }, `No ${spec.noun}s yet.`),
      form,
    ]);
  };

  await load();
  render();
}
