// Phone books and their contacts (rest-api.md §7): the books in one list; "Contacts" opens the contacts of one.
import { h } from '../../gadgets/shared/dom.ts';
import type { AdminApi } from '../api.ts';
import type { Section } from '../section.ts';
import { childText, uriOf } from '../xml.ts';
import { formList } from './form-section.ts';

async function openContacts(body: HTMLElement, api: AdminApi, book: Element): Promise<void> {
  const bookPath = uriOf(book);
  const contacts = h('div', { class: 'admin-sub' });
  body.replaceChildren(
    h('div', { class: 'poise-row' },
      h('button', { type: 'button', onclick: () => void phoneBooksSection.open(body, api) }, '← All phone books'),
      h('h3', {}, `Contacts of ${childText(book, 'name')}`)),
    contacts);
  await formList(contacts, api, {
    noun: 'contact', listPath: `${bookPath}/Contacts`, itemTag: 'Contact', rootTag: 'Contact', createPath: `${bookPath}/Contacts`,
    columns: [
      { label: 'First name', value: (c) => childText(c, 'firstName') },
      { label: 'Last name', value: (c) => childText(c, 'lastName') },
      { label: 'Number', value: (c) => childText(c, 'phoneNumber') },
      { label: 'Description', value: (c) => childText(c, 'description') },
    ],
    fields: [
      { name: 'firstName', label: 'First name', kind: 'text', maxLength: 128 },
      { name: 'lastName', label: 'Last name', kind: 'text', maxLength: 128 },
      { name: 'phoneNumber', label: 'Number', kind: 'text', maxLength: 128 },
      { name: 'description', label: 'Description', kind: 'text', maxLength: 128 },
    ],
  });
}

export const phoneBooksSection: Section = {
  id: 'phone-books',
  title: 'Phone books',
  open: (body, api) => formList(body, api, {
    noun: 'phone book', listPath: '/finesse/api/PhoneBooks', itemTag: 'PhoneBook', rootTag: 'PhoneBook',
    createPath: '/finesse/api/PhoneBook',
    columns: [
      { label: 'Name', value: (b) => childText(b, 'name') },
      { label: 'Type', value: (b) => childText(b, 'type') === 'TEAM' ? 'Team' : 'Global' },
    ],
    fields: [
      { name: 'name', label: 'Name', kind: 'text', maxLength: 64 },
      { name: 'type', label: 'Type', kind: 'select', options: [['GLOBAL', 'Global'], ['TEAM', 'Team']] },
    ],
    rowActions: (book) => [{ label: 'Contacts', run: () => void openContacts(body, api, book) }],
  }),
};
