// What the lab API and the load generator need of the call model, in the words of a person at a phone.
import type { CallEvent, CallSnapshot } from '../calls/types.ts';

export interface LabTelephony {
  placeInbound(request: { from: string; to: string; callVariables: Record<string, string> }): CallSnapshot;
  getCall(callId: string): CallSnapshot | undefined;
  listCalls(): CallSnapshot[];
  subscribe(listener: (event: CallEvent) => void): () => void;
  /** The customer (the call's calling party) hangs up. */
  hangUpCaller(callId: string): void;
  /** The person at `device` answers if it is ringing on that call; false when it is not (any more). */
  tryAnswer(callId: string, device: string): boolean;
  /** The customer presses keys: digits reach the far end (the CTI port or phone) in order. */
  sendDigits(callId: string, digits: string): void;
  deviceExists(device: string): boolean;
  /** The person at `device` answers the call ringing there (that call, or the oldest ringing one). */
  answerAt(device: string, callId?: string): CallSnapshot;
  /** The person at `device` hangs up (that call, or the one they are talking on). */
  hangUpAt(device: string, callId?: string): CallSnapshot;
  dial(device: string, to: string): CallSnapshot;
  /** Ends every call. */
  dropAll(): void;
}
