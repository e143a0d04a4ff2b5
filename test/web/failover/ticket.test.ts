// The failover ticket, sealed and opened: round trip, expiry, the node it is for, tampering, another secret,
// garbage, and the ledger that makes it single-use.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newTicketId, openTicket, sealTicket, ticketKey, type TicketClaims } from '../../../src/web/failover/ticket.ts';
import { TicketLedger } from '../../../src/web/failover/ticket-ledger.ts';

const SECRET = 'a cluster secret of at least 32 characters';
const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const claims = (over: Partial<TicketClaims> = {}): TicketClaims => ({
  ticketId: newTicketId(), userId: 'agent1', password: 'pässwörd: with colon', extension: '1001',
  audience: 'poise-b.lab.example', expiresAt: NOW + 300_000, ...over,
});

describe('failover ticket', () => {
  const key = ticketKey(SECRET);

  test('opens to what was sealed, on the node it names, before it expires', () => {
    const sealed = claims();
    const ticket = sealTicket(sealed, key);
    assert.match(ticket, /^v1\.[A-Za-z0-9_-]+$/);
    assert.ok(!ticket.includes('agent1') && !Buffer.from(ticket.slice(3), 'base64url').toString('latin1').includes('agent1'));
    assert.deepEqual(openTicket(ticket, key, 'POISE-B.lab.example', NOW), { ok: true, claims: sealed });
  });

  test('two seals of the same claims differ (fresh IV)', () => {
    const same = claims();
    assert.notEqual(sealTicket(same, key), sealTicket(same, key));
  });

  test('expired at its expiry time and after', () => {
    const ticket = sealTicket(claims(), key);
    assert.deepEqual(openTicket(ticket, key, 'poise-b.lab.example', NOW + 300_000), { ok: false, problem: 'expired' });
    assert.equal(openTicket(ticket, key, 'poise-b.lab.example', NOW + 299_999).ok, true);
  });

  test('refused on another node than the one it names', () => {
    const ticket = sealTicket(claims(), key);
    assert.deepEqual(openTicket(ticket, key, 'poise-a.lab.example', NOW), { ok: false, problem: 'wrong-node' });
  });

  test('any changed character is a forgery', () => {
    const ticket = sealTicket(claims(), key);
    for (const at of [3, 10, Math.floor(ticket.length / 2), ticket.length - 1]) {
      const flipped = ticket.slice(0, at) + (ticket[at] === 'A' ? 'B' : 'A') + ticket.slice(at + 1);
      const opened = openTicket(flipped, key, 'poise-b.lab.example', NOW);
      assert.equal(opened.ok, false, `changed at ${at}`);
    }
  });

  test('another secret does not open it', () => {
    const ticket = sealTicket(claims(), key);
    assert.deepEqual(openTicket(ticket, ticketKey(`${SECRET}!`), 'poise-b.lab.example', NOW), { ok: false, problem: 'forged' });
  });

  test('garbage is malformed, not an exception', () => {
    for (const garbage of ['', 'v1.', 'v2.abc', 'v1.!!!', 'v1.AAAA', `v1.${'A'.repeat(5000)}`, 'plain text']) {
      assert.deepEqual(openTicket(garbage, key, 'poise-b.lab.example', NOW), { ok: false, problem: 'malformed' }, garbage.slice(0, 10));
    }
  });
});

describe('ticket ledger', () => {
  test('a ticket is redeemed once; forgotten after it expires', () => {
    const ledger = new TicketLedger();
    assert.equal(ledger.redeem('t1', NOW + 1000, NOW), true);
    assert.equal(ledger.redeem('t1', NOW + 1000, NOW + 500), false);
    assert.equal(ledger.redeem('t2', NOW + 1000, NOW + 500), true);
    assert.equal(ledger.redeem('t3', NOW + 5000, NOW + 1000), true);
    assert.equal(ledger.size, 1); // t1 and t2 expired: the ticket itself is refused as expired from then on
  });

  test('a full ledger refuses rather than forgets a live ticket', () => {
    const ledger = new TicketLedger(2);
    assert.equal(ledger.redeem('a', NOW + 1000, NOW), true);
    assert.equal(ledger.redeem('b', NOW + 1000, NOW), true);
    assert.equal(ledger.redeem('c', NOW + 1000, NOW), false);
  });
});
