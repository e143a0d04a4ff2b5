#!/usr/bin/env python3
"""Signs in to Poise's notification service with slixmpp over TCP and reports on stdout, one JSON object a line:
{"event": "ready"} once initial presence is answered by finesse@<domain>, then {"event": "item", ...} for the first
pubsub event, then exits 0. A failure prints {"event": "error", "reason": ...} and exits 1.

Usage: slixmpp-listener.py HOST PORT JID PASSWORD [TIMEOUT_SECONDS]
Run by test/notify/slixmpp.test.ts.
"""
import asyncio
import json
import sys

import slixmpp


def report(**fields):
    print(json.dumps(fields), flush=True)


class Listener(slixmpp.ClientXMPP):
    def __init__(self, jid, password):
        super().__init__(jid, password)
        self.ready = False
        self.failed = False
        self.outcome = 1
        # Finesse's notification ports take PLAIN without TLS (notifications.md section 2); slixmpp refuses that
        # unless told.
        self['feature_mechanisms'].unencrypted_plain = True
        self.register_plugin('xep_0060')
        self.add_event_handler('session_start', self.on_session_start)
        self.add_event_handler('presence', self.on_presence)
        self.add_event_handler('pubsub_publish', self.on_publish)
        self.add_event_handler('failed_auth', lambda _: self.fail('failed_auth'))
        self.add_event_handler('connection_failed', lambda err: self.fail(f'connection_failed: {err}'))

    def on_session_start(self, _event):
        self.send_presence()  # a Finesse client announces itself before it receives events

    def on_presence(self, presence):
        if not self.ready and presence['from'].user == 'finesse':
            self.ready = True
            report(event='ready', jid=str(self.boundjid))

    def on_publish(self, message):
        items = message['pubsub_event']['items']
        item = items['item']
        payload = item['payload']
        report(event='item', node=items['node'], id=item['id'], publisher=item['publisher'] or None,
               payload={'tag': payload.tag if payload is not None else None,
                        'text': payload.text if payload is not None else None})
        self.outcome = 0
        self.disconnect()

    def fail(self, reason):
        report(event='error', reason=reason)
        self.failed = True
        self.outcome = 1
        self.disconnect()


def main():
    host, port, jid, password = sys.argv[1:5]
    timeout = float(sys.argv[5]) if len(sys.argv) > 5 else 20.0
    listener = Listener(jid, password)
    listener.connect((host, int(port)), use_ssl=False, force_starttls=False, disable_starttls=True)
    listener.init_plugins()  # what the deprecated process() did first
    try:
        listener.loop.run_until_complete(asyncio.wait_for(listener.disconnected, timeout))
    except asyncio.TimeoutError:
        pass
    if listener.outcome != 0 and not listener.failed:
        waited_for = 'pubsub event' if listener.ready else 'presence from finesse@'
        report(event='error', reason=f'no {waited_for} within {timeout} s')
    sys.exit(listener.outcome)


if __name__ == '__main__':
    main()
