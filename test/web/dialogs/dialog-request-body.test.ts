// PUT /Dialog/{id} and POST /User/{id}/Dialogs bodies (rest-api.md §4.4, §4.5): what each reads to, and the
// status and ErrorType of each refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../../src/shared/xml/index.ts';
import { FinesseApiError } from '../../../src/web/errors.ts';
import { parseDialogRequest, parseMakeCall } from '../../../src/web/dialogs/dialog-request-body.ts';

const xml = (text: string) => {
  const parsed = parseXml(text);
  assert.ok(parsed.ok, text);
  return parsed.root;
};
const act = (inner: string) => xml(`<Dialog>${inner}</Dialog>`);

test('actions read to typed requests; the last duplicated element wins', () => {
  assert.deepEqual(parseDialogRequest(act('<requestedAction>HOLD</requestedAction><targetMediaAddress>4001</targetMediaAddress>')),
    { action: 'HOLD', target: '4001' });
  assert.deepEqual(parseDialogRequest(act(
    '<requestedAction>ANSWER</requestedAction><requestedAction>CONSULT_CALL</requestedAction><targetMediaAddress>4001</targetMediaAddress><toAddress>4002</toAddress><unknown>x</unknown>')),
  { action: 'CONSULT_CALL', target: '4001', toAddress: '4002' });
  assert.deepEqual(parseDialogRequest(act(
    '<requestedAction>SEND_DTMF</requestedAction><targetMediaAddress>4001</targetMediaAddress><actionParams><ActionParam><name>dtmfString</name><value>31#</value></ActionParam></actionParams>')),
  { action: 'SEND_DTMF', target: '4001', dtmfString: '31#' });
  const data = parseDialogRequest(act(
    '<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>Billing dispute</wrapUpReason><callvariables><CallVariable><name>callVariable3</name><value>INV-20931</value></CallVariable><CallVariable><name>user.case.id</name><value>C-118</value></CallVariable><CallVariable><name>user.items[2]</name><value>x</value></CallVariable></callvariables></mediaProperties>'));
  assert.equal(data.action, 'UPDATE_CALL_DATA');
  assert.ok(data.action === 'UPDATE_CALL_DATA');
  assert.deepEqual([...data.variables], [['callVariable3', 'INV-20931'], ['user.case.id', 'C-118'], ['user.items[2]', 'x']]);
  assert.equal(data.wrapUpReason, 'Billing dispute');
  assert.equal(data.target, undefined);
  assert.equal(data.tooLong, undefined);
  const long = parseDialogRequest(act(
    `<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><callvariables><CallVariable><name>callVariable1</name><value>${'x'.repeat(41)}</value></CallVariable></callvariables></mediaProperties>`));
  assert.ok(long.action === 'UPDATE_CALL_DATA' && long.tooLong === 'callVariable1', 'too long is refused later, asynchronously');
  assert.deepEqual(parseMakeCall(act('<requestedAction>MAKE_CALL</requestedAction><fromAddress>4001</fromAddress><toAddress>914155550177</toAddress>')),
    { fromAddress: '4001', toAddress: '914155550177' });
});

const refusals: [string, (e: ReturnType<typeof act>) => unknown, string, number, string][] = [
  ['no requestedAction', parseDialogRequest, '<targetMediaAddress>4001</targetMediaAddress>', 400, 'Parameter Missing'],
  ['unknown requestedAction', parseDialogRequest, '<requestedAction>JUGGLE</requestedAction>', 400, 'Invalid Input'],
  ['MAKE_CALL by PUT', parseDialogRequest, '<requestedAction>MAKE_CALL</requestedAction>', 400, 'Invalid Input'],
  ['no targetMediaAddress', parseDialogRequest, '<requestedAction>DROP</requestedAction>', 400, 'Parameter Missing'],
  ['consult without toAddress', parseDialogRequest, '<requestedAction>CONSULT_CALL</requestedAction><targetMediaAddress>4001</targetMediaAddress>', 400, 'Parameter Missing'],
  ['toAddress too long', parseDialogRequest, `<requestedAction>TRANSFER_SST</requestedAction><targetMediaAddress>4001</targetMediaAddress><toAddress>${'9'.repeat(40)}</toAddress>`, 400, 'Invalid Destination'],
  ['DTMF not UCCX digits', parseDialogRequest, '<requestedAction>SEND_DTMF</requestedAction><targetMediaAddress>4001</targetMediaAddress><actionParams><ActionParam><name>dtmfString</name><value>AB</value></ActionParam></actionParams>', 400, 'Invalid Input'],
  ['DTMF without digits', parseDialogRequest, '<requestedAction>SEND_DTMF</requestedAction><targetMediaAddress>4001</targetMediaAddress>', 400, 'Parameter Missing'],
  ['call data without mediaProperties', parseDialogRequest, '<requestedAction>UPDATE_CALL_DATA</requestedAction>', 400, 'Parameter Missing'],
  ['outbound BA variable', parseDialogRequest, '<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><callvariables><CallVariable><name>BAResponse</name><value>1</value></CallVariable></callvariables></mediaProperties>', 400, 'Invalid Input'],
  ['unknown variable', parseDialogRequest, '<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><callvariables><CallVariable><name>callVariable11</name><value>1</value></CallVariable></callvariables></mediaProperties>', 400, 'Invalid Input'],
  ['duplicated variable', parseDialogRequest, '<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><callvariables><CallVariable><name>callVariable1</name><value>1</value></CallVariable><CallVariable><name>callVariable1</name><value>2</value></CallVariable></callvariables></mediaProperties>', 400, 'Invalid Input'],
  ['wrap-up reason too long', parseDialogRequest, `<requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>${'w'.repeat(40)}</wrapUpReason></mediaProperties>`, 400, 'Invalid Input'],
  ['recording', parseDialogRequest, '<requestedAction>START_RECORDING</requestedAction>', 501, 'Not Implemented'],
  ['MAKE_CALL with mediaProperties', parseMakeCall, '<requestedAction>MAKE_CALL</requestedAction><fromAddress>4001</fromAddress><toAddress>4002</toAddress><mediaProperties/>', 400, 'Invalid Input'],
  ['MAKE_CALL to itself', parseMakeCall, '<requestedAction>MAKE_CALL</requestedAction><fromAddress>4001</fromAddress><toAddress>4001</toAddress>', 400, 'Invalid Destination'],
  ['MAKE_CALL without toAddress', parseMakeCall, '<requestedAction>MAKE_CALL</requestedAction><fromAddress>4001</fromAddress>', 400, 'Parameter Missing'],
  ['POST with another action', parseMakeCall, '<requestedAction>HOLD</requestedAction>', 400, 'Invalid Input'],
  ['silent monitor', parseMakeCall, '<requestedAction>SILENT_MONITOR</requestedAction>', 501, 'Not Implemented'],
];

for (const [what, parse, inner, status, errorType] of refusals) {
  test(`refused: ${what} → ${status} ${errorType}`, () => {
    assert.throws(() => parse(act(inner)), (err: unknown) => {
      assert.ok(err instanceof FinesseApiError, String(err));
      assert.equal(err.httpStatus, status);
      assert.equal(err.errorType, errorType);
      return true;
    });
  });
}

test('a body whose root is not Dialog is refused', () => {
  assert.throws(() => parseDialogRequest(xml('<User><state>READY</state></User>')), FinesseApiError);
});
