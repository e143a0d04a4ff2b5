// The desktop configuration the administrator writes over REST (rest-api.md §6, §7: reason codes, wrap-up reasons,
// phone books and their contacts, workflows and their actions) outlives the node: a node on a PGlite data directory
// (and, when TEST_DATABASE_URL is set, on a PostgreSQL database) is configured, stopped, and a new node on the same
// store answers every read, the administrator's and an agent's, byte for byte as before; new objects get new ids, and
// an agent's state change uses a reason code written before the restart.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EnvInput } from '../../src/shared/config.ts';
import { ADMIN, AGENT, startWebNode, type WebFixture } from '../support/web.ts';
import { createScratchDatabase, postgresSkipReason } from '../support/stores.ts';

interface StoreUnderTest { env: EnvInput; remove(): Promise<void> }

const backends: { name: string; skip: string | false; prepare(): Promise<StoreUnderTest> }[] = [
  {
    name: 'PGlite in the data directory', skip: false,
    async prepare() {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'poise-restart-'));
      // DATABASE_URL unset: PGlite in <data dir>/pglite, as `npm start` runs
      return { env: { POISE_DATA_DIR: dir, DATABASE_URL: undefined }, remove: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL', skip: postgresSkipReason,
    async prepare() {
      const database = await createScratchDatabase(process.env.TEST_DATABASE_URL ?? '');
      return { env: { DATABASE_URL: database.url }, remove: () => database.drop() };
    },
  },
];

const pathOf = (location: string | null): string => (location ?? '').replace(/^.*\/finesse\/api/, '');

/** Writes a configuration of every kind, with updates and deletions; returns the paths of what it made. */
async function configure(fx: WebFixture): Promise<{ reads: string[]; coaching: string; ana: string }> {
  const write = async (method: string, url: string, body?: string): Promise<string> => {
    const res = await fx.call(method, url, { as: ADMIN, ...(body === undefined ? {} : { body }) });
    assert.equal(res.status, 200, `${method} ${url} → ${res.text}`);
    return pathOf(res.headers.get('location'));
  };
  const seeded = (await fx.call('GET', '/ReasonCodes?category=ALL', { as: ADMIN })).xml?.getChildElements() ?? [];
  const seededPath = (label: string) => pathOf(seeded.find((c) => c.getChildText('label') === label)?.getChildText('uri') ?? null);

  const coaching = await write('POST', '/ReasonCode',
    '<ReasonCode><category>NOT_READY</category><code>42</code><label>Coaching</label><forAll>true</forAll></ReasonCode>');
  await write('PUT', coaching, '<ReasonCode><label>Coaching 1:1</label></ReasonCode>');
  const shiftEnd = await write('POST', '/ReasonCode',
    '<ReasonCode><category>LOGOUT</category><code>43</code><label>Shift end</label><forAll>true</forAll></ReasonCode>');
  await write('PUT', seededPath('Break'), '<ReasonCode><label>Short break</label><code>11</code></ReasonCode>');
  await write('DELETE', seededPath('Lunch'));

  const dispute = await write('POST', '/WrapUpReason', '<WrapUpReason><label>Billing dispute</label><forAll>true</forAll></WrapUpReason>');
  const hidden = await write('POST', '/WrapUpReason', '<WrapUpReason><label>Chargeback</label><forAll>true</forAll></WrapUpReason>');
  await write('PUT', hidden, '<WrapUpReason><forAll>false</forAll></WrapUpReason>');
  const gone = await write('POST', '/WrapUpReason', '<WrapUpReason><label>Wrong number</label><forAll>true</forAll></WrapUpReason>');
  await write('DELETE', gone);

  const book = await write('POST', '/PhoneBook', '<PhoneBook><name>Partners</name><type>GLOBAL</type></PhoneBook>');
  const ana = await write('POST', `${book}/Contacts`,
    '<Contact><firstName>Ana</firstName><lastName>Silva</lastName><phoneNumber>4001</phoneNumber><description>Billing</description></Contact>');
  await write('PUT', ana, '<Contact><phoneNumber>4011</phoneNumber></Contact>');
  const ben = await write('POST', `${book}/Contacts`, '<Contact><firstName>Ben</firstName><lastName>Kim</lastName><phoneNumber>4002</phoneNumber></Contact>');
  await write('DELETE', ben);
  await write('POST', `${book}/Contacts`, '<Contact><firstName>Cy</firstName><lastName>Ng</lastName><phoneNumber>+14085550123</phoneNumber></Contact>');
  const teamBook = await write('POST', '/PhoneBook', '<PhoneBook><name>Sales desk</name><type>TEAM</type></PhoneBook>');

  const pop = await write('POST', '/WorkflowAction',
    '<WorkflowAction><name>Pop CRM</name><type>BROWSER_POP</type><handledBy>FINESSE_DESKTOP</handledBy>'
    + '<params><Param><name>windowName</name><value>crm</value></Param><Param><name>path</name><value>https://crm.example/?acct=${callVariable1}</value></Param></params>'
    + '<actionVariables><ActionVariable><name>callVariable1</name><node>//Dialog/mediaProperties/callvariables/CallVariable/name[.="callVariable1"]/../value</node>'
    + '<type>SYSTEM</type><testValue>ACME-4471</testValue></ActionVariable></actionVariables>'
    + '</WorkflowAction>');
  const flow = await write('POST', '/Workflow',
    '<Workflow><name>On answer</name><description>Pops the CRM</description><media>voice</media>'
    + '<TriggerSet><type>EVENT</type><triggers><Trigger><Variable><name>callType</name><node>//Dialog/mediaProperties/callType</node><type>SYSTEM</type></Variable>'
    + '<comparator>IS_EQUAL</comparator><value>ACD_IN</value></Trigger></triggers></TriggerSet>'
    + '<ConditionSet><applyMethod>ALL</applyMethod><conditions><Condition><Variable><name>queueName</name><node>//Dialog/mediaProperties/queueName</node><type>SYSTEM</type></Variable>'
    + '<comparator>CONTAINS</comparator><value>Sales</value></Condition></conditions></ConditionSet>'
    + `<workflowActions><WorkflowAction><uri>/finesse/api${pop}</uri></WorkflowAction></workflowActions></Workflow>`);
  await write('PUT', flow, '<Workflow><name>On answer (Sales)</name></Workflow>');

  return {
    coaching, ana,
    reads: [
      '/ReasonCodes?category=ALL', coaching, shiftEnd, `/User/${AGENT}/ReasonCodes?category=NOT_READY`,
      `/User/${AGENT}/ReasonCodes?category=LOGOUT`,
      '/WrapUpReasons', dispute, hidden, `/User/${AGENT}/WrapUpReasons`,
      '/PhoneBooks', book, `${book}/Contacts`, ana, teamBook, `/User/${AGENT}/PhoneBooks`,
      '/WorkflowActions', pop, '/Workflows', flow, `/User/${AGENT}/Workflows`,
    ],
  };
}

/** Each read as the administrator and, where an agent may read it, as the agent: status and body. */
async function readAll(fx: WebFixture, paths: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const url of paths) {
    for (const as of [ADMIN, AGENT]) {
      const res = await fx.call('GET', url, { as });
      out[`${as} GET ${url}`] = `${res.status} ${res.text}`;
    }
  }
  return out;
}

for (const backend of backends) {
  describe(`configuration survives a restart: ${backend.name}`, { skip: backend.skip }, () => {
    let store: StoreUnderTest | undefined;
    let fx: WebFixture | undefined;
    after(async () => {
      await fx?.close();
      await store?.remove();
    });

    test('a new node on the same store answers every read as the old one did, and uses what it reads', async () => {
      store = await backend.prepare();
      fx = await startWebNode(store.env);
      const { reads, coaching, ana } = await configure(fx);
      const before = await readAll(fx, reads);
      assert.match(before[`${AGENT} GET ${coaching}`] ?? '', /^200 .*<label>Coaching 1:1<\/label>/);
      assert.match(before[`${AGENT} GET ${ana}`] ?? '', /^200 .*<phoneNumber>4011<\/phoneNumber>/);
      assert.doesNotMatch(before[`${ADMIN} GET /ReasonCodes?category=ALL`] ?? '', /Lunch/);
      await fx.close();
      fx = undefined;

      fx = await startWebNode(store.env);
      assert.deepEqual(await readAll(fx, reads), before);

      // ids go on from where they were: a new code does not take a deleted or existing one's
      const created = await fx.call('POST', '/ReasonCode', {
        as: ADMIN, body: '<ReasonCode><category>NOT_READY</category><code>44</code><label>Callback</label><forAll>true</forAll></ReasonCode>',
      });
      assert.equal(created.status, 200, created.text);
      const newId = Number(pathOf(created.headers.get('location')).split('/').pop());
      const oldIds = (await fx.call('GET', '/ReasonCodes?category=ALL', { as: ADMIN })).xml?.getChildElements()
        .map((c) => Number(c.getChildText('uri')?.split('/').pop())).filter((id) => id !== newId) ?? [];
      assert.ok(oldIds.length > 0 && oldIds.every((id) => id < newId), `new id ${newId}, existing ${oldIds.join(',')}`);

      // the agent goes NOT_READY with the code written before the restart
      await fx.web.cti?.whenOpen();
      const signIn = await fx.call('PUT', `/User/${AGENT}`, {
        as: AGENT, body: '<User><state>LOGIN</state><extension>1001</extension></User>', headers: { requestId: 'rs-in' },
      });
      assert.equal(signIn.status, 202, signIn.text);
      await fx.web.publisher.waitFor((u) => u.xml.includes('<requestId>rs-in</requestId>'));
      const coachingId = coaching.split('/').pop() ?? '';
      const notReady = await fx.call('PUT', `/User/${AGENT}`, {
        as: AGENT, body: `<User><state>NOT_READY</state><reasonCodeId>${coachingId}</reasonCodeId></User>`, headers: { requestId: 'rs-nr' },
      });
      assert.equal(notReady.status, 202, notReady.text);
      const update = await fx.web.publisher.waitFor((u) => u.node === `/finesse/api/User/${AGENT}` && u.xml.includes('<requestId>rs-nr</requestId>'));
      assert.match(update.xml, new RegExp(`<reasonCodeId>${coachingId}</reasonCodeId>`));
      assert.match(update.xml, /<label>Coaching 1:1<\/label>/);
    });
  });
}
