// What a shift's Dialog notifications should have been, by the engine's word, against what the agents' XMPP
// clients received (bench/web-shift.ts). The engine's side comes from a bridge-mode CTI session: a call delivered
// to an agent's extension, answered there, released there. The clients' side is every <Update> on the agent's
// Dialogs node. Per agent and call (the Dialog id is the CTI ConnectionCallID), the client must have seen the
// offer (a POST with the agent ALERTING), the answer (a PUT with the agent ACTIVE) and the end (a DELETE, after
// wrap-up). Pure: no sockets, no XML.

export type UpdateEvent = 'POST' | 'PUT' | 'DELETE';

interface DialogTrace {
  delivered: boolean;
  established: boolean;
  released: boolean;
  sawOffer: boolean;
  sawActive: boolean;
  sawEnd: boolean;
  /** Updates the client got for this dialog. */
  updates: number;
}

export interface ShiftComparison {
  engine: { delivered: number; established: number; released: number };
  clients: { updates: number; POST: number; PUT: number; DELETE: number; dialogs: number };
  /** Engine facts whose notification never reached the agent's client. */
  missing: { offer: number; active: number; end: number };
  /** Dialogs a client heard of that the engine never delivered to that agent. */
  unexpected: number;
  /** Examples of missing ones, `extension:callId what`, for a human to follow up. */
  examples: string[];
}

export class ShiftLedger {
  readonly #traces = new Map<string, DialogTrace>();
  readonly #events: Record<UpdateEvent, number> = { POST: 0, PUT: 0, DELETE: 0 };
  #updates = 0;

  #trace(extension: string, callId: string): DialogTrace {
    const key = `${extension}:${callId}`;
    let trace = this.#traces.get(key);
    if (!trace) {
      trace = { delivered: false, established: false, released: false, sawOffer: false, sawActive: false, sawEnd: false, updates: 0 };
      this.#traces.set(key, trace);
    }
    return trace;
  }

  delivered(extension: string, callId: string): void { this.#trace(extension, callId).delivered = true; }
  established(extension: string, callId: string): void { this.#trace(extension, callId).established = true; }
  released(extension: string, callId: string): void { this.#trace(extension, callId).released = true; }

  /** One update on the agent's Dialogs node; `agentState` is the agent's participant state in it. */
  received(extension: string, event: UpdateEvent, callId: string, agentState: string | undefined): void {
    this.#updates++;
    this.#events[event]++;
    const trace = this.#trace(extension, callId);
    trace.updates++;
    if (event === 'POST' && agentState === 'ALERTING') trace.sawOffer = true;
    if (agentState === 'ACTIVE') trace.sawActive = true;
    if (event === 'DELETE') trace.sawEnd = true;
  }

  /** Dialogs the engine ended whose DELETE has not reached the client yet (wrap-up still running, or lost). */
  outstanding(): number {
    let n = 0;
    for (const t of this.#traces.values()) if (t.released && !t.sawEnd) n++;
    return n;
  }

  compare(maxExamples = 10): ShiftComparison {
    const out: ShiftComparison = {
      engine: { delivered: 0, established: 0, released: 0 },
      clients: { updates: this.#updates, ...this.#events, dialogs: 0 },
      missing: { offer: 0, active: 0, end: 0 }, unexpected: 0, examples: [],
    };
    const example = (key: string, what: string) => { if (out.examples.length < maxExamples) out.examples.push(`${key} ${what}`); };
    for (const [key, t] of this.#traces) {
      if (t.delivered) out.engine.delivered++;
      if (t.established) out.engine.established++;
      if (t.released) out.engine.released++;
      if (t.updates > 0) out.clients.dialogs++;
      if (t.updates > 0 && !t.delivered) { out.unexpected++; example(key, 'unexpected'); }
      if (t.delivered && !t.sawOffer) { out.missing.offer++; example(key, 'no offer'); }
      if (t.established && !t.sawActive) { out.missing.active++; example(key, 'no ACTIVE'); }
      if (t.released && !t.sawEnd) { out.missing.end++; example(key, 'no DELETE'); }
    }
    return out;
  }
}
