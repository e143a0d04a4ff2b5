// The bodies of PUT /Dialog/{id} and POST /User/{id}/Dialogs (rest-api.md §4.4, §4.5) read into typed requests;
// everything a client can get wrong is refused here, before anything reaches the engine.
import type { Element } from '../../shared/xml/index.ts';
import { FinesseApiError, invalidInput, parameterMissing } from '../errors.ts';
import { expectRoot, lastChild, optionalText, requiredText } from '../representation/fields.ts';
import { CALL_VARIABLE_NAMES } from './call-data.ts';

export type DialogRequest =
  | { readonly action: 'ANSWER' | 'HOLD' | 'RETRIEVE' | 'DROP' | 'TRANSFER' | 'CONFERENCE' | 'PARTICIPANT_DROP'; readonly target: string }
  | { readonly action: 'CONSULT_CALL' | 'TRANSFER_SST'; readonly target: string; readonly toAddress: string }
  | { readonly action: 'SEND_DTMF'; readonly target: string; readonly dtmfString: string }
  | {
    readonly action: 'UPDATE_CALL_DATA'; readonly target: string | undefined;
    readonly variables: ReadonlyMap<string, string>; readonly wrapUpReason: string | undefined;
    /** A value longer than the engine takes: refused asynchronously, as Invalid Input (§4.5). */
    readonly tooLong: string | undefined;
  };

export interface MakeCallRequest { readonly fromAddress: string; readonly toAddress: string }

/** Actions of §4.5 a Poise node does not carry out: outbound campaigns and recording (rest-api.md §1.4: 501). */
const NOT_IMPLEMENTED = [
  'START_RECORDING', 'ACCEPT', 'REJECT', 'CLOSE', 'UPDATE_SCHEDULED_CALLBACK', 'CANCEL_SCHEDULED_CALLBACK', 'RECLASSIFY',
];
const CALL_VARIABLE_BYTES = 40;   // rest-api.md §1.5
const ECC_VALUE_BYTES = 210;      // cti.md §2.2: VariableValue S[211]
const ECC_TOTAL_BYTES = 2000;     // rest-api.md §1.5: ECC names + values
const WRAP_UP_REASON_BYTES = 39;  // rest-api.md §4.1
const ADDRESS_BYTES = 39;         // cti.md §2.4: DialedNumber S[40]
const DTMF = /^[0-9*#]{1,31}$/;   // rest-api.md §4.5: UCCX digits; DTMFString S[32]

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const notImplemented = (action: string) =>
  new FinesseApiError(501, 'Not Implemented', action, `${action} is not offered by this deployment.`);
export const invalidDestination = (address: string, message: string) =>
  new FinesseApiError(400, 'Invalid Destination', address, message);

function address(dialog: Element, name: string): string {
  const value = requiredText(dialog, name);
  if (bytes(value) > ADDRESS_BYTES || !/^[\x21-\x7e]+$/.test(value)) throw invalidDestination(value, `Invalid ${name} specified.`);
  return value;
}

export function parseDialogRequest(body: Element): DialogRequest {
  const dialog = expectRoot(body, 'Dialog');
  const action = requiredText(dialog, 'requestedAction');
  const target = () => requiredText(dialog, 'targetMediaAddress');
  switch (action) {
    case 'ANSWER': case 'HOLD': case 'RETRIEVE': case 'DROP': case 'TRANSFER': case 'CONFERENCE': case 'PARTICIPANT_DROP':
      return { action, target: target() };
    case 'CONSULT_CALL': case 'TRANSFER_SST':
      return { action, target: target(), toAddress: address(dialog, 'toAddress') };
    case 'SEND_DTMF': {
      const digits = actionParam(dialog, 'dtmfString');
      if (digits === undefined || digits === '') throw parameterMissing('dtmfString');
      if (!DTMF.test(digits)) throw invalidInput(digits, 'Invalid dtmfString specified: digits 0-9, * and # only.');
      return { action, target: target(), dtmfString: digits };
    }
    case 'UPDATE_CALL_DATA':
      return { action, target: optionalText(dialog, 'targetMediaAddress') || undefined, ...callData(dialog) };
    default:
      if (NOT_IMPLEMENTED.includes(action)) throw notImplemented(action);
      throw invalidInput(action, 'Invalid requestedAction specified for dialog.');
  }
}

export function parseMakeCall(body: Element): MakeCallRequest {
  const dialog = expectRoot(body, 'Dialog');
  const action = requiredText(dialog, 'requestedAction');
  if (action === 'SILENT_MONITOR' || action === 'BARGE_CALL') throw notImplemented(action);
  if (action !== 'MAKE_CALL') throw invalidInput(action, 'Invalid requestedAction specified for dialog.');
  // §4.4: a UCCX MAKE_CALL carries no mediaProperties.
  if (lastChild(dialog, 'mediaProperties')) throw invalidInput('mediaProperties', 'mediaProperties are not allowed in MAKE_CALL.');
  const fromAddress = address(dialog, 'fromAddress');
  const toAddress = address(dialog, 'toAddress');
  if (toAddress === fromAddress) throw invalidDestination(toAddress, 'The toAddress is the fromAddress.');
  return { fromAddress, toAddress };
}

/** `<actionParams><ActionParam><name>…</name><value>…</value></ActionParam></actionParams>`; the last one wins. */
function actionParam(dialog: Element, name: string): string | undefined {
  const params = lastChild(dialog, 'actionParams')?.getChildElements().filter((c) => c.getName() === 'ActionParam') ?? [];
  const match = params.filter((p) => optionalText(p, 'name') === name);
  const last = match[match.length - 1];
  return last === undefined ? undefined : optionalText(last, 'value');
}

function callData(dialog: Element): Omit<Extract<DialogRequest, { action: 'UPDATE_CALL_DATA' }>, 'action' | 'target'> {
  const media = lastChild(dialog, 'mediaProperties');
  if (!media) throw parameterMissing('mediaProperties');
  const wrapUpReason = optionalText(media, 'wrapUpReason');
  if (wrapUpReason !== undefined && bytes(wrapUpReason) > WRAP_UP_REASON_BYTES) {
    throw invalidInput('wrapUpReason', `wrapUpReason is longer than ${WRAP_UP_REASON_BYTES} bytes.`);
  }
  const variables = new Map<string, string>();
  let tooLong: string | undefined;
  let eccBytes = 0;
  const entries = lastChild(media, 'callvariables')?.getChildElements().filter((c) => c.getName() === 'CallVariable') ?? [];
  for (const entry of entries) {
    const name = requiredText(entry, 'name');
    const value = lastChild(entry, 'value')?.getText() ?? '';
    if (name.startsWith('BA')) throw invalidInput(name, 'Outbound call variables are read-only.');
    const scalar = (CALL_VARIABLE_NAMES as readonly string[]).includes(name);
    if (!scalar && !/^user\.[A-Za-z_][A-Za-z0-9_.]{0,31}(\[\d{1,3}\])?$/.test(name)) {
      throw invalidInput(name, 'Invalid call variable name specified.');
    }
    if (variables.has(name)) throw invalidInput(name, 'The call variable is specified more than once.');
    variables.set(name, value);
    if (!scalar) eccBytes += bytes(name) + bytes(value);
    if (bytes(value) > (scalar ? CALL_VARIABLE_BYTES : ECC_VALUE_BYTES)) tooLong ??= name;
  }
  if (eccBytes > ECC_TOTAL_BYTES) tooLong ??= 'callvariables';
  if (variables.size === 0 && wrapUpReason === undefined) throw parameterMissing('callvariables');
  return { variables, wrapUpReason, tooLong };
}
