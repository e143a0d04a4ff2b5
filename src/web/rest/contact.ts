// Contact (rest-api.md §7): GET /PhoneBook/{id}/Contacts, POST there, GET/PUT/DELETE /PhoneBook/{id}/Contact/{cid}.
import type { FastifyPluginAsync } from 'fastify';
import type { Element } from '../../shared/xml/index.ts';
import { principalOf } from '../auth/hook.ts';
import { requireAdministrator } from '../auth/principal.ts';
import { FinesseApiError, invalidInput, notFound } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { bodyOf, sendFinesse } from '../http/send.ts';
import { expectRoot, optionalText, requiredText } from '../representation/fields.ts';
import { leaf, list, record, type FinesseNode } from '../representation/node.ts';
import type { Contact, NewContact } from '../store/phone-books.ts';
import { idParam, sendCreated, sendOk, uriOf } from './common.ts';
import type { RestContext } from './context.ts';

const MAX_PER_BOOK = 6000;    // rest-api.md §1.5
const MAX_TOTAL = 50_000;
const MAX_FIELD = 128;        // [Poise]

export const contactNode = (c: Contact): FinesseNode => record('Contact', [
  leaf('firstName', c.firstName), leaf('lastName', c.lastName), leaf('phoneNumber', c.phoneNumber),
  leaf('description', c.description), leaf('uri', uriOf(`/PhoneBook/${c.phoneBookId}/Contact/${c.id}`)),
]);

function fields(body: Element, create: boolean): Partial<NewContact> {
  const out: Partial<NewContact> = {};
  const phoneNumber = create ? requiredText(body, 'phoneNumber') : optionalText(body, 'phoneNumber');
  for (const [key, value] of [['firstName', optionalText(body, 'firstName')], ['lastName', optionalText(body, 'lastName')],
    ['phoneNumber', phoneNumber], ['description', optionalText(body, 'description')]] as const) {
    if (value === undefined) continue;
    if (value.length > MAX_FIELD) throw invalidInput(key, `${key} is longer than ${MAX_FIELD} characters.`);
    if (key === 'phoneNumber' && value === '') throw invalidInput(key, 'phoneNumber cannot be empty.');
    out[key] = value;
  }
  return out;
}

export const contactPlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, store }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);
  const { phoneBooks } = store;

  const bookId = async (raw: number): Promise<number> => {
    if (!(await phoneBooks.get(raw))) throw notFound(String(raw), 'Invalid phone book id specified');
    return raw;
  };

  app.get('/PhoneBook/:id/Contacts', async (request, reply) => {
    const id = await bookId(idParam(request, 'id', 'phone book'));
    return sendFinesse(request, reply, list('Contacts', 'Contact', (await phoneBooks.listContacts(id)).map(contactNode)));
  });

  app.get('/PhoneBook/:id/Contact/:contactId', async (request, reply) => {
    const id = idParam(request, 'id', 'phone book');
    const contact = await phoneBooks.getContact(id, idParam(request, 'contactId', 'contact'));
    if (!contact) throw notFound(String(id), 'Invalid contact id specified');
    return sendFinesse(request, reply, contactNode(contact));
  });

  app.post('/PhoneBook/:id/Contacts', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const id = await bookId(idParam(request, 'id', 'phone book'));
    const input = fields(expectRoot(bodyOf(request), 'Contact'), true);
    if (await phoneBooks.countContacts(id) >= MAX_PER_BOOK || await phoneBooks.countContacts() >= MAX_TOTAL) {
      throw new FinesseApiError(400, 'Maximum Exceeded', 'Contact', 'The phone book holds the most contacts allowed.');
    }
    const created = await phoneBooks.createContact(id, { phoneNumber: '', ...input });
    return sendCreated(request, reply, `/PhoneBook/${id}/Contact/${created.id}`);
  });

  app.put('/PhoneBook/:id/Contact/:contactId', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const id = idParam(request, 'id', 'phone book');
    const contactId = idParam(request, 'contactId', 'contact');
    const change = fields(expectRoot(bodyOf(request), 'Contact'), false);
    if (Object.keys(change).length === 0) throw invalidInput('Contact', 'Specify at least one contact field.');
    if (!(await phoneBooks.updateContact(id, contactId, change))) throw notFound(String(contactId), 'Invalid contact id specified');
    return sendOk(reply);
  });

  app.delete('/PhoneBook/:id/Contact/:contactId', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const id = idParam(request, 'id', 'phone book');
    const contactId = idParam(request, 'contactId', 'contact');
    if (!(await phoneBooks.removeContact(id, contactId))) throw notFound(String(contactId), 'Invalid contact id specified');
    return sendOk(reply);
  });
};
