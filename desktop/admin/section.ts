// What every section of the console shares: its place in the navigation, a message line, and a body it renders.
import { h } from '../gadgets/shared/dom.ts';
import type { AdminApi } from './api.ts';

export interface Section {
  id: string;
  title: string;
  /** Renders into `body`; called each time the section is opened. */
  open(body: HTMLElement, api: AdminApi): Promise<void>;
}

/** A status line under a section title: errors in role=alert, confirmations in role=status. */
export class MessageLine {
  readonly element = h('p', { class: 'admin-message', hidden: true });

  error(text: string): void { this.#show(text, 'alert', 'error'); }
  done(text: string): void { this.#show(text, 'status', 'done'); }
  clear(): void { this.element.hidden = true; this.element.textContent = ''; }

  #show(text: string, role: string, kind: string): void {
    this.element.setAttribute('role', role);
    this.element.dataset.kind = kind;
    this.element.textContent = text;
    this.element.hidden = false;
  }
}
