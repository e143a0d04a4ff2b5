// An agent's desktop for end-to-end tests on a web node: a real XMPP client signed in to the node's notification
// service with its update feed, and the REST steps that bring the agent onto an ACD call (cti-to-finesse.md §2.1).
import assert from 'node:assert/strict';
import type { XmppClient } from '@xmpp/client';
import { isNotifyService } from '../../src/notify/index.ts';
import { basicAuth, TEST_PASSWORD } from './test-node.ts';
import { updateFeed, dialogOf, type ReceivedUpdate, type UpdateFeed } from './update-feed.ts';
import type { WebFixture } from './web.ts';
import { connectClient, xml } from './xmpp.ts';

export const CALLER = '+14155550100';

export interface AgentDesktop {
  readonly userid: string;
  readonly extension: string;
  readonly xmpp: XmppClient;
  readonly feed: UpdateFeed;
  /** PUTs a User state as this agent and waits for the User update carrying the request's requestId. */
  setState(body: string, requestId: string): Promise<ReceivedUpdate>;
  /** A lab call to `trigger` rings this (only READY) agent, who answers it: the agent is TALKING. Returns the Dialog id. */
  takeCall(trigger?: string): Promise<string>;
  /** The agent drops the call and waits for its Dialog PUT. */
  drop(dialogId: string, requestId: string): Promise<void>;
}

export async function openAgentDesktop(fx: WebFixture, userid: string, extension: string): Promise<AgentDesktop> {
  const notify = fx.node.services.find(isNotifyService);
  assert.ok(notify, 'the node runs the notification service');
  const xmpp = await connectClient({
    service: `xmpp://127.0.0.1:${notify.ports.xmpp}`, domain: notify.server.domain, username: userid, password: TEST_PASSWORD,
  });
  const feed = updateFeed(xmpp);
  await xmpp.send(xml('presence')); // a Finesse desktop announces itself before it listens
  const userNode = `/finesse/api/User/${userid}`;
  const dialogsNode = `${userNode}/Dialogs`;

  const dialogPut = async (dialogId: string, requestedAction: string, requestId: string): Promise<void> => {
    const res = await fx.call('PUT', `/Dialog/${dialogId}`, {
      as: userid, headers: { requestId },
      body: `<Dialog><requestedAction>${requestedAction}</requestedAction><targetMediaAddress>${extension}</targetMediaAddress></Dialog>`,
    });
    assert.equal(res.status, 202, res.text);
    const outcome = await feed.next((u) => u.node === dialogsNode && u.requestId === requestId);
    assert.equal(outcome.data.getName(), 'dialog', outcome.text);
  };

  return {
    userid, extension, xmpp, feed,
    async setState(body, requestId) {
      const res = await fx.call('PUT', `/User/${userid}`, { as: userid, body, headers: { requestId } });
      assert.equal(res.status, 202, res.text);
      return feed.next((u) => u.node === userNode && u.requestId === requestId);
    },
    async takeCall(trigger = '7001') {
      const placed = await fetch(`${fx.cmUrl}/lab/calls`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
        body: JSON.stringify({ from: CALLER, to: trigger }),
      });
      assert.equal(placed.status, 201, await placed.text());
      const posted = await feed.next((u) => u.node === dialogsNode && u.event === 'POST');
      const dialogId = dialogOf(posted).getChildText('id') ?? '';
      assert.match(dialogId, /^[0-9]+$/);
      const requestId = `answer-${dialogId}`;
      await dialogPut(dialogId, 'ANSWER', requestId);
      const talking = await feed.next((u) => u.node === userNode && u.requestId === requestId);
      assert.equal(talking.data.getChildText('state'), 'TALKING', talking.text);
      return dialogId;
    },
    drop: (dialogId, requestId) => dialogPut(dialogId, 'DROP', requestId),
  };
}
