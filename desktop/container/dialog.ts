// finesse.container.Container.showDialog / hideDialog (desktop-and-gadgets.md §1): one modal dialog at a time,
// a native <dialog> so focus is trapped and Escape closes it.
import { h } from './dom.ts';

export interface DialogOptions {
  title?: string;
  message?: string;
  /** false hides the close button. */
  close?: boolean;
  /** `{label: onClick}` or `[{label, click}]`, as gadgets pass them. */
  buttons?: unknown;
}

interface DialogButton { label: string; click: () => void }

function buttonsOf(value: unknown): DialogButton[] {
  const noop = () => undefined;
  const click = (fn: unknown) => (typeof fn === 'function' ? () => { fn(); } : noop);
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown) => {
      if (typeof item !== 'object' || item === null || !('label' in item) || typeof item.label !== 'string') return [];
      return [{ label: item.label, click: click('click' in item ? item.click : undefined) }];
    });
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).map(([label, fn]) => ({ label, click: click(fn) }));
  }
  return [];
}

export class ContainerDialog {
  readonly #dialog: HTMLDialogElement;

  constructor(parent: HTMLElement) {
    this.#dialog = h('dialog', { class: 'container-dialog', 'aria-labelledby': 'container-dialog-title' });
    parent.append(this.#dialog);
  }

  show(options: unknown): void {
    const opts: DialogOptions = typeof options === 'object' && options !== null ? options : {};
    const buttons = buttonsOf(opts.buttons);
    if (opts.close !== false && buttons.length === 0) buttons.push({ label: 'Close', click: () => undefined });
    this.#dialog.replaceChildren(
      h('h2', { id: 'container-dialog-title' }, typeof opts.title === 'string' ? opts.title : ''),
      h('p', {}, typeof opts.message === 'string' ? opts.message : ''),
      h('div', { class: 'dialog-buttons' }, ...buttons.map(({ label, click }) => {
        const button = h('button', { type: 'button' }, label);
        button.addEventListener('click', () => { click(); this.hide(); });
        return button;
      })),
    );
    if (!this.#dialog.open) this.#dialog.showModal();
  }

  hide(): void {
    if (this.#dialog.open) this.#dialog.close();
  }
}
