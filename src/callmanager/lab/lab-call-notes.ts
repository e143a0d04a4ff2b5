// What the lab remembers about each customer's call beyond the call model: prompts heard, digits sent, and the
// customer's patience (they hang up unless a person answers first).
import type { Clock, TimerHandle } from '../../shared/clock.ts';
import type { CallEvent } from '../calls/types.ts';
import type { LabTelephony } from './lab-telephony.ts';

export interface HeardPrompt { prompt: string; durationMs: number; interruptible: boolean; at: number }

interface Notes { promptsHeard: HeardPrompt[]; digitsSent: string; patience?: TimerHandle }

export class LabCallNotes {
  readonly #notes = new Map<string, Notes>();
  readonly #unsubscribe: () => void;

  constructor(private readonly telephony: LabTelephony, private readonly clock: Clock,
              private readonly isPersonsPhone: (device: string) => boolean) {
    this.#unsubscribe = telephony.subscribe((event) => this.#onEvent(event));
  }

  of(callId: string): { promptsHeard: HeardPrompt[]; digitsSent: string } {
    const n = this.#notes.get(callId);
    return { promptsHeard: n?.promptsHeard ?? [], digitsSent: n?.digitsSent ?? '' };
  }

  setPatience(callId: string, ms: number): void {
    const n = this.#entry(callId);
    this.clock.clearTimeout(n.patience);
    n.patience = this.clock.setTimeout(() => {
      if (this.telephony.getCall(callId)?.state === 'ACTIVE') this.telephony.hangUpCaller(callId);
    }, ms);
  }

  addDigits(callId: string, digits: string): void { this.#entry(callId).digitsSent += digits; }

  addPrompt(callId: string, prompt: HeardPrompt): void { this.#entry(callId).promptsHeard.push(prompt); }

  clear(): void {
    for (const n of this.#notes.values()) this.clock.clearTimeout(n.patience);
    this.#notes.clear();
  }

  close(): void {
    this.clear();
    this.#unsubscribe();
  }

  #entry(callId: string): Notes {
    let n = this.#notes.get(callId);
    if (!n) this.#notes.set(callId, (n = { promptsHeard: [], digitsSent: '' }));
    return n;
  }

  #onEvent(event: CallEvent): void {
    const n = this.#notes.get(event.callId);
    if (!n) return;
    if (event.type === 'CallCtlTermConnTalkingEv' && event.terminal && this.isPersonsPhone(event.terminal)) {
      this.clock.clearTimeout(n.patience);
      delete n.patience;
    } else if (event.type === 'CallInvalidEv') {
      this.clock.clearTimeout(n.patience);
      this.#notes.delete(event.callId); // the call model forgets ended calls too
    }
  }
}
