// PhoneBook (rest-api.md §7): GET/PUT/DELETE /PhoneBook/{id}, POST /PhoneBook, GET /PhoneBooks (admin), and the
// user's list GET /User/{id}/PhoneBooks (§3.2: global books and the TEAM books assigned to its team).
import type { FastifyPluginAsync } from 'fastify';
import { principalOf } from '../auth/hook.ts';
import { requireAdministrator, requireSelfOrAdministrator } from '../auth/principal.ts';
import { FinesseApiError, invalidInput, notFound } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { bodyOf, sendFinesse } from '../http/send.ts';
import { expectRoot, optionalEnum, optionalText, requiredEnum, requiredText } from '../representation/fields.ts';
import { leaf, list, record, type FinesseNode } from '../representation/node.ts';
import { PHONE_BOOK_TYPES } from '../schema.ts';
import type { Contact, PhoneBook } from '../store/phone-books.ts';
import { phoneBooksForTeam } from '../store/team-visible.ts';
import { contactNode } from './contact.ts';
import { idParam, sendCreated, sendOk, stringParam, uriOf } from './common.ts';
import type { RestContext } from './context.ts';
import { configWrite } from './duplicates.ts';

const MAX_BOOKS = { GLOBAL: 10, TEAM: 300 } as const; // rest-api.md §1.5
const MAX_NAME = 64;                                  // [Poise]

export const phoneBookNode = (book: PhoneBook, contacts: readonly Contact[] | undefined): FinesseNode => record('PhoneBook', [
  leaf('uri', uriOf(`/PhoneBook/${book.id}`)), leaf('name', book.name), leaf('type', book.type),
  ...(contacts ? [list('contacts', 'Contact', contacts.map(contactNode))] : []),
]);

function name(value: string | undefined): string | undefined {
  if (value !== undefined && (value === '' || value.length > MAX_NAME)) throw invalidInput('name', `The name must have 1 to ${MAX_NAME} characters.`);
  return value;
}

export const phoneBookPlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, store, teams }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);
  const { phoneBooks } = store;

  app.get('/PhoneBook/:id', async (request, reply) => {
    const book = await phoneBooks.get(idParam(request, 'id', 'phone book'));
    if (!book) throw notFound(stringParam(request, 'id'), 'Invalid phone book id specified');
    return sendFinesse(request, reply, phoneBookNode(book, await phoneBooks.listContacts(book.id)));
  });

  app.get('/PhoneBooks', async (request, reply) => {
    requireAdministrator(principalOf(request));
    return sendFinesse(request, reply, list('PhoneBooks', 'PhoneBook', (await phoneBooks.list()).map((b) => phoneBookNode(b, undefined))));
  });

  app.get('/User/:userId/PhoneBooks', async (request, reply) => {
    const userId = stringParam(request, 'userId');
    requireSelfOrAdministrator(principalOf(request), userId);
    const books = await phoneBooksForTeam(store, teams.teamOfUser(userId)?.id);
    return sendFinesse(request, reply, list('PhoneBooks', 'PhoneBook', books.map((b) => phoneBookNode(b, undefined))));
  });

  app.post('/PhoneBook', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const body = expectRoot(bodyOf(request), 'PhoneBook');
    const input = { name: name(requiredText(body, 'name'))!, type: requiredEnum(body, 'type', PHONE_BOOK_TYPES) };
    if (await phoneBooks.countByType(input.type) >= MAX_BOOKS[input.type]) {
      throw new FinesseApiError(400, 'Maximum Exceeded', 'type', `At most ${MAX_BOOKS[input.type]} ${input.type} phone books.`);
    }
    const created = await configWrite('phone book', () => phoneBooks.create(input));
    return sendCreated(request, reply, `/PhoneBook/${created.id}`);
  });

  app.put('/PhoneBook/:id', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const id = idParam(request, 'id', 'phone book');
    const body = expectRoot(bodyOf(request), 'PhoneBook');
    const newName = name(optionalText(body, 'name'));
    const type = optionalEnum(body, 'type', PHONE_BOOK_TYPES);
    if (newName === undefined && type === undefined) throw invalidInput('PhoneBook', 'Specify at least one of name, type.');
    const updated = await configWrite('phone book', () => phoneBooks.update(id, {
      ...(newName !== undefined ? { name: newName } : {}), ...(type !== undefined ? { type } : {}),
    }));
    if (!updated) throw notFound(String(id), 'Invalid phone book id specified');
    return sendOk(reply);
  });

  app.delete('/PhoneBook/:id', async (request, reply) => {
    requireAdministrator(principalOf(request));
    const id = idParam(request, 'id', 'phone book');
    if (!(await phoneBooks.remove(id))) throw notFound(String(id), 'Invalid phone book id specified');
    return sendOk(reply);
  });
};
