import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namespaceVersion, parseSoapAction, resolveVersion, VERSION_ERROR_TEXT } from '../../../src/callmanager/axl/versions.ts';

test('SOAPAction in the CUCM:DB form, quoted or not (axl.md §1)', () => {
  assert.deepEqual(parseSoapAction('"CUCM:DB ver=12.5 getUser"'), { version: '12.5', operation: 'getUser' });
  assert.deepEqual(parseSoapAction('CUCM:DB ver=14.0'), { version: '14.0', operation: undefined });
  for (const other of [undefined, '', '""', 'urn:getUser', '"CUCM:DB ver=x getUser"']) assert.equal(parseSoapAction(other), undefined);
});

test('the namespace decides; a SOAPAction version must also be supported; 1.0 is the oldest', () => {
  const cases: Array<[string, string | undefined, string | undefined]> = [
    ['12.5', '"CUCM:DB ver=12.5 getUser"', '12.5'], ['15.0', undefined, '15.0'], ['11.0', '"CUCM:DB ver=14.0 getUser"', '11.0'],
    ['1.0', undefined, '11.0'], ['1.0', '"CUCM:DB ver=14.0 getUser"', '14.0'], ['1.0', '"CUCM:DB ver=10.5 getUser"', undefined],
    ['10.5', undefined, undefined], ['12.5', '"CUCM:DB ver=9.1 getUser"', undefined], ['13.0', undefined, undefined],
  ];
  for (const [ns, action, expected] of cases) assert.equal(resolveVersion(ns, action), expected, `${ns} ${action}`);
  assert.equal(namespaceVersion('http://www.cisco.com/AXL/API/12.5'), '12.5');
  assert.equal(namespaceVersion('http://www.cisco.com/AXL/API/12.5/extra'), undefined);
  assert.equal(namespaceVersion('urn:other'), undefined);
  assert.equal(VERSION_ERROR_TEXT, 'Incorrect axl version. Supported axl versions: 11.0, 11.5, 12.0, 12.5, 14.0, 15.0');
});
