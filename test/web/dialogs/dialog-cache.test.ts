// The dialog cache fed CTI events as the engine sends them (cti-to-finesse.md §2): which notification goes to
// which agent's Dialogs node, with which participants, for the scenarios the whole-node tests cannot stage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CallType, EventCause } from '../../../src/engine/cti/codec/index.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { parseXml, type Element } from '../../../src/shared/xml/index.ts';
import { RecordingPublisher } from '../../../src/web/publisher/index.ts';
import { DialogCache } from '../../../src/web/dialogs/dialog-cache.ts';
import { agentState, ev } from '../../support/call-event-builders.ts';

const CALLER = '+14155550100';
const A = '/finesse/api/User/asilva/Dialogs';
const B = '/finesse/api/User/bkim/Dialogs';

function lab() {
  const publisher = new RecordingPublisher();
  const cache = new DialogCache({ publisher, log: silentLogger, now: () => new Date('2026-11-25T10:00:00.000Z') });
  cache.receive(agentState('asilva', '4001', 'READY'));
  cache.receive(agentState('bkim', '4002', 'READY'));
  let seen = 0;
  return {
    cache,
    /** The updates since the last call, as `node EVENT state · participants`. */
    since(): string[] {
      const out = publisher.updates.slice(seen).map(({ node, xml }) => {
        const root = parseXml(xml);
        assert.ok(root.ok, xml);
        const data = root.root.getChild('data')?.getChildElements()[0] as Element;
        const dialog = data.getName() === 'dialogs' ? data.getChild('Dialog') : data;
        const parties = dialog?.getChild('participants')?.getChildren('Participant')
          .map((p) => `${p.getChildText('mediaAddress')} ${p.getChildText('state')}${p.getChildText('stateCause') ? `/${p.getChildText('stateCause')}` : ''}`) ?? [];
        const who = node === A ? 'A' : node === B ? 'B' : node;
        return `${who} ${root.root.getChildText('event')} ${dialog?.getChildText('state')} · ${parties.join(', ')}`;
      });
      seen = publisher.updates.length;
      return out;
    },
  };
}

/** §2.1 steps 1–3: a routed call rings A. */
function ringing(l: ReturnType<typeof lab>, callId = 33554433): void {
  l.cache.receive(ev.begin(callId, CALLER, CallType.CCX_IN, { callVariable1: 'ACME' }));
  l.cache.receive(agentState('asilva', '4001', 'RESERVED'));
  l.cache.receive(ev.delivered(callId, '4001', CALLER, '8800', { skillGroupNumber: 3 }));
}

test('§2.5 the caller abandons while A rings: PUTs down to DROPPED, then END_CALL deletes', () => {
  const l = lab();
  ringing(l);
  assert.deepEqual(l.since(), [`A POST ALERTING · ${CALLER} ACTIVE, 4001 ALERTING`]);
  l.cache.receive(ev.cleared(33554433, CALLER));
  l.cache.receive(ev.cleared(33554433, '4001', EventCause.CALL_CANCELLED));
  l.cache.receive(ev.callCleared(33554433));
  l.cache.receive(agentState('asilva', '4001', 'READY'));
  l.cache.receive(ev.end(33554433));
  assert.deepEqual(l.since(), [
    `A PUT ALERTING · ${CALLER} DROPPED, 4001 ALERTING`,
    `A PUT DROPPED · ${CALLER} DROPPED, 4001 DROPPED`,
    `A DELETE DROPPED · ${CALLER} DROPPED, 4001 DROPPED`,
  ]);
  assert.deepEqual(l.cache.dialogsOf('asilva'), []);
});

test('§2.6 RONA: A is deleted at once, the call goes on and rings B', () => {
  const l = lab();
  ringing(l);
  l.since();
  l.cache.receive(ev.cleared(33554433, '4001', EventCause.CALL_NOT_ANSWERED));
  l.cache.receive(agentState('asilva', '4001', 'NOT_READY'));
  l.cache.receive(agentState('bkim', '4002', 'RESERVED'));
  l.cache.receive(ev.delivered(33554433, '4002', CALLER, '8800'));
  assert.deepEqual(l.since(), [
    `A DELETE ACTIVE · ${CALLER} ACTIVE, 4001 DROPPED`, // §1.3 rule 3: the caller still talks (to the IVR)
    `B POST ALERTING · ${CALLER} ACTIVE, 4002 ALERTING`,
  ]);
  assert.deepEqual(l.cache.dialogsOf('asilva'), []);
  assert.equal(l.cache.dialogsOf('bkim').length, 1);
});

test('§2.2 a busy destination: FAILED with stateCause BUSY and only DROP offered; A\'s DROP ends it', () => {
  const l = lab();
  l.cache.receive(ev.begin(33554440, '4001', CallType.AGENT_INSIDE));
  l.cache.receive(ev.serviceInitiated(33554440, '4001'));
  l.cache.receive(ev.originated(33554440, '4001', '914155550177'));
  l.cache.receive(ev.failed(33554440, '4001', '914155550177', EventCause.BUSY));
  assert.deepEqual(l.since(), [
    'A POST INITIATING · 4001 INITIATING',
    'A PUT INITIATED · 4001 INITIATED',
    'A PUT FAILED · 4001 FAILED/BUSY',
  ]);
  const failed = l.cache.node(l.cache.dialogsOf('asilva')[0]!);
  assert.ok(failed.kind === 'record');
  const participant = JSON.stringify(failed);
  assert.match(participant, /"action","text":"DROP"/);
  assert.doesNotMatch(participant, /"text":"HOLD"/);
  l.cache.receive(ev.cleared(33554440, '4001'));
  l.cache.receive(ev.callCleared(33554440));
  l.cache.receive(ev.end(33554440));
  assert.deepEqual(l.since(), ['A PUT FAILED · 4001 DROPPED', 'A DELETE FAILED · 4001 DROPPED']);
});

test('§2.1 steps 7–9: A in WORK at END_CALL keeps the dialog in WRAP_UP until it leaves WORK', () => {
  const l = lab();
  ringing(l);
  l.cache.receive(ev.established(33554433, '4001', CALLER));
  l.cache.receive(agentState('asilva', '4001', 'TALKING'));
  l.since();
  l.cache.receive(ev.cleared(33554433, '4001'));
  l.cache.receive(ev.cleared(33554433, CALLER));
  l.cache.receive(ev.callCleared(33554433));
  l.cache.receive(agentState('asilva', '4001', 'WORK_READY'));
  l.cache.receive(ev.end(33554433));
  assert.deepEqual(l.since(), [
    `A PUT ACTIVE · ${CALLER} ACTIVE, 4001 DROPPED`,
    `A PUT DROPPED · ${CALLER} DROPPED, 4001 DROPPED`,
    `A PUT DROPPED · ${CALLER} DROPPED, 4001 WRAP_UP`,
  ]);
  assert.equal(l.cache.dialogOf('asilva', 33554433)?.participants[1]?.state, 'WRAP_UP');
  l.cache.updateWrapUp('asilva', 33554433, new Map(), 'Billing dispute', 'r1');
  assert.equal(l.cache.dialogOf('asilva', 33554433)?.wrapUpReason, 'Billing dispute');
  l.cache.receive(agentState('asilva', '4001', 'READY'));
  assert.deepEqual(l.since(), [
    `A PUT DROPPED · ${CALLER} DROPPED, 4001 WRAP_UP`,
    `A DELETE DROPPED · ${CALLER} DROPPED, 4001 WRAP_UP`,
  ]);
  assert.equal(l.cache.exists(33554433), false);
});

test('a replay after reconnect rebuilds the calls: a call gone meanwhile is deleted, one still on POSTed again', () => {
  const l = lab();
  ringing(l, 33554433);
  l.cache.receive(ev.established(33554433, '4001', CALLER));
  l.cache.receive(ev.begin(33554434, CALLER, CallType.CCX_IN));
  l.cache.receive(ev.delivered(33554434, '4002', CALLER, '8800'));
  l.since();
  l.cache.startReplay();
  // cti.md §4.2: the engine replays what is live: only B's call is left, B has answered it
  l.cache.receive(agentState('bkim', '4002', 'TALKING'));
  l.cache.receive(ev.begin(33554434, CALLER, CallType.CCX_IN));
  l.cache.receive(ev.established(33554434, '4002', CALLER));
  l.cache.receive(ev.established(33554434, CALLER, CALLER));
  assert.deepEqual(l.since(), [], 'nothing is published while the replay runs');
  l.cache.receive({ type: 'POISE_SNAPSHOT_END_EVENT', numAgents: 2, numCalls: 1 });
  assert.deepEqual(l.since(), [
    `A DELETE ACTIVE · ${CALLER} ACTIVE, 4001 ACTIVE`,
    `B POST ACTIVE · 4002 ACTIVE, ${CALLER} ACTIVE`,
  ]);
  assert.deepEqual(l.cache.dialogsOf('asilva'), []);
  assert.deepEqual(l.cache.dialogsOf('bkim').map((c) => c.id), [33554434]);
});

test('an event the cache cannot use is logged and leaves the others served', () => {
  const l = lab();
  l.cache.receive(ev.end(99)); // a call it never saw
  l.cache.receive(ev.held(98, '4001')); // a call it never saw begin
  ringing(l);
  assert.equal(l.since().at(-1), `A POST ALERTING · ${CALLER} ACTIVE, 4001 ALERTING`);
});
