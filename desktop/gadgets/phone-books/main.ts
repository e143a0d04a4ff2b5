// Phone books (Poise's /desktop/scripts/js/phonebooks.js): the user's phone books from user.getPhoneBooks(),
// their contacts, a search over names and numbers, and click to call with user.makeCall().
import '../shared/gadget.css';
import './phone-books.css';
import { text } from '../shared/data.ts';
import { h, replaceContent } from '../shared/dom.ts';
import { describeFailure } from '../shared/errors.ts';
import type { PhoneBook, RestCollection, RestObject } from '../shared/finesse-api.ts';
import { bootGadget, type GadgetSession } from '../shared/gadget-boot.ts';

interface ContactRow { book: string; name: string; number: string; description: string }

class PhoneBooks {
  readonly #session: GadgetSession;
  readonly #contacts = new Map<string, ContactRow[]>();
  #books: RestCollection<PhoneBook> | undefined;
  #search = '';
  #message = '';
  #calling = '';

  constructor(session: GadgetSession) {
    this.#session = session;
    session.user.getPhoneBooks({
      onLoad: (books) => { this.#books = books; this.#loadContacts(books); this.render(); },
      onError: (rsp) => { this.#message = describeFailure('Could not load the phone books', rsp); this.render(); },
    });
    this.render();
  }

  #loadContacts(books: RestCollection<PhoneBook>): void {
    for (const book of Object.values(books.getCollection())) {
      const bookName = text(book.getData(), 'name');
      book.getContacts({
        onLoad: (contacts: RestCollection<RestObject>) => {
          this.#contacts.set(book.getId(), Object.values(contacts.getCollection()).map((c) => {
            const data = c.getData();
            return {
              book: bookName, name: `${text(data, 'firstName')} ${text(data, 'lastName')}`.trim(),
              number: text(data, 'phoneNumber'), description: text(data, 'description'),
            };
          }));
          this.render();
        },
        onError: (rsp) => { this.#message = describeFailure(`Could not load the contacts of ${bookName}`, rsp); this.render(); },
      });
    }
  }

  #call(contact: ContactRow): void {
    this.#calling = contact.number;
    this.#message = '';
    this.#session.user.makeCall(contact.number, {
      success: () => { this.#calling = ''; this.render(); },
      error: (rsp) => { this.#calling = ''; this.#message = describeFailure(`Could not call ${contact.name || contact.number}`, rsp); this.render(); },
    });
    this.render();
  }

  render(): void {
    const needle = this.#search.trim().toLowerCase();
    const all = [...this.#contacts.values()].flat().sort((a, b) => a.name.localeCompare(b.name));
    const shown = needle ? all.filter((c) => `${c.name} ${c.number} ${c.description} ${c.book}`.toLowerCase().includes(needle)) : all;
    const search = h('input', {
      id: 'phone-book-search', type: 'search', value: this.#search, autocomplete: 'off',
      oninput: (event) => { this.#search = (event.target as HTMLInputElement).value; this.render(); },
    });
    replaceContent(this.#session.root, [
      h('div', { class: 'poise-row' }, h('label', { for: 'phone-book-search' }, 'Search contacts', search)),
      this.#message ? h('p', { class: 'poise-error', role: 'alert' }, this.#message) : undefined,
      shown.length > 0 ? h('table', { class: 'poise-table contacts' },
        h('caption', { class: 'poise-sr-only' }, 'Contacts'),
        h('thead', {}, h('tr', {}, ...['Name', 'Number', 'Description', 'Phone book', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, ...shown.map((c) => h('tr', { 'data-number': c.number },
          h('td', {}, c.name || '—'), h('td', {}, c.number), h('td', {}, c.description), h('td', {}, c.book),
          h('td', {}, h('button', {
            type: 'button', class: 'primary', 'data-action': 'MAKE_CALL', 'aria-label': `Call ${c.name || c.number}`,
            disabled: this.#calling !== '', onclick: () => this.#call(c),
          }, 'Call'))))))
        : h('p', { class: 'poise-muted' }, this.#books ? (needle ? 'No contact matches.' : 'No contacts.') : 'Loading the phone books…'),
    ]);
    this.#session.resize();
  }
}

bootGadget({ onUserLoad: (session) => { void new PhoneBooks(session); } });
