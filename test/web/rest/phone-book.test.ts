import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT, childNames, expectRefused, startWebNode, type WebFixture } from '../../support/web.ts';

const pathOf = (location: string | null): string => (location ?? '').replace(/^.*\/finesse\/api/, '');

describe('PhoneBook and Contact (rest-api.md §7)', () => {
  let fx: WebFixture;
  before(async () => { fx = await startWebNode(); });
  after(async () => { await fx.close(); });

  test('the administrator builds a book; agents read it', async () => {
    const book = await fx.call('POST', '/PhoneBook', { body: '<PhoneBook><name>Partners</name><type>GLOBAL</type></PhoneBook>' });
    assert.equal(book.status, 200);
    const bookPath = pathOf(book.headers.get('location'));
    const contact = await fx.call('POST', `${bookPath}/Contacts`, {
      body: '<Contact><firstName>Ana</firstName><lastName>Silva</lastName><phoneNumber>4001</phoneNumber><description>Billing</description></Contact>',
    });
    assert.equal(contact.status, 200);
    const contactPath = pathOf(contact.headers.get('location'));
    assert.match(contactPath, /^\/PhoneBook\/\d+\/Contact\/\d+$/);

    const read = await fx.call('GET', bookPath, { as: AGENT });
    assert.equal(read.status, 200);
    assert.deepEqual(childNames(read.xml), ['uri', 'name', 'type', 'contacts']);
    assert.deepEqual(childNames(read.xml?.getChild('contacts')?.getChild('Contact')), ['firstName', 'lastName', 'phoneNumber', 'description', 'uri']);
    const mine = await fx.call('GET', `/User/${AGENT}/PhoneBooks`, { as: AGENT });
    assert.deepEqual(mine.xml?.getChildElements().map((b) => b.getChildText('name')), ['Partners']);
    const json = JSON.parse((await fx.call('GET', `${bookPath}/Contacts`, { as: AGENT, accept: 'application/json' })).text);
    assert.equal(json.Contacts.Contact.length, 1);

    assert.equal((await fx.call('PUT', contactPath, { body: '<Contact><phoneNumber>4002</phoneNumber></Contact>' })).status, 200);
    assert.equal((await fx.call('GET', contactPath, { as: AGENT })).xml?.getChildText('phoneNumber'), '4002');
    assert.equal((await fx.call('DELETE', contactPath)).status, 200);
    assert.equal((await fx.call('GET', contactPath)).status, 404);
    assert.equal((await fx.call('DELETE', bookPath)).status, 200);
    assert.equal((await fx.call('GET', bookPath)).status, 404);
  });

  test('refusals change nothing', async () => {
    const book = pathOf((await fx.call('POST', '/PhoneBook', { body: '<PhoneBook><name>Team book</name><type>TEAM</type></PhoneBook>' })).headers.get('location'));
    await expectRefused(fx, 'POST', '/PhoneBook', { as: AGENT, body: '<PhoneBook><name>x</name><type>GLOBAL</type></PhoneBook>' }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'POST', '/PhoneBook', { body: '<PhoneBook><name>x</name></PhoneBook>' }, { status: 400, errorType: 'Parameter Missing', errorData: 'type' });
    await expectRefused(fx, 'POST', '/PhoneBook', { body: '<PhoneBook><name>x</name><type>PRIVATE</type></PhoneBook>' }, { status: 400, errorType: 'Invalid Input' });
    await expectRefused(fx, 'POST', '/PhoneBook', { body: '<PhoneBook><name>team BOOK</name><type>TEAM</type></PhoneBook>' }, { status: 400, errorType: 'Finesse API Error' });
    await expectRefused(fx, 'POST', `${book}/Contacts`, { body: '<Contact><firstName>x</firstName></Contact>' }, { status: 400, errorType: 'Parameter Missing', errorData: 'phoneNumber' });
    await expectRefused(fx, 'POST', `${book}/Contacts`, { body: '<Contact><phoneNumber>1' }, { status: 400, errorType: 'Bad Request' });
    await expectRefused(fx, 'POST', '/PhoneBook/9999/Contacts', { body: '<Contact><phoneNumber>1</phoneNumber></Contact>' }, { status: 404, errorType: 'Not Found' });
    await expectRefused(fx, 'GET', `${book}/Contact/9999`, {}, { status: 404, errorType: 'Not Found' });
  });
});
