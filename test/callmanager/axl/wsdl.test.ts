import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OPERATIONS } from '../../../src/callmanager/axl/operations/index.ts';
import { renderWsdl } from '../../../src/callmanager/axl/wsdl.ts';
import { childElement, childElements, parseXml } from '../../../src/shared/xml/index.ts';

test('the WSDL is well-formed and binds every operation with its SOAPAction', () => {
  const parsed = parseXml(renderWsdl('https://cm.example.test:8443/axl/?a=1&b=2'));
  assert.ok(parsed.ok);
  const binding = childElement(parsed.root, 'binding');
  const ops = childElements(binding!, 'operation');
  assert.deepEqual(ops.map((o) => o.attrs.name).sort(), Object.keys(OPERATIONS).sort());
  for (const op of ops) assert.equal(childElement(op, 'operation')?.attrs.soapAction, `CUCM:DB ver=12.5 ${op.attrs.name}`);
  const schema = childElement(childElement(parsed.root, 'types')!, 'schema');
  assert.equal(schema?.attrs.targetNamespace, 'http://www.cisco.com/AXL/API/12.5');
  const address = childElement(childElement(childElement(parsed.root, 'service')!, 'port')!, 'address');
  assert.equal(address?.attrs.location, 'https://cm.example.test:8443/axl/?a=1&b=2');
});
