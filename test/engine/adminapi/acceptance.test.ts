// adminapi.md over real HTTP on a whole node: a skill, a CSQ on it, the skill on an agent, an application and a
// trigger on a new route point; a lab call to that route point rings that agent's phone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CtiClient } from '../../../src/engine/cti/client.ts';
import { basicAuth } from '../../support/test-node.ts';
import { startAdminNode, type AdminFixture } from '../../support/adminapi.ts';

let fx: AdminFixture;
before(async () => { fx = await startAdminNode(); });
after(async () => { await fx.close(); });

const createdKey = (location: string | null): string => {
  assert.ok(location);
  return location.split('/').pop()!;
};

test('a call to a route point configured through /adminapi/ reaches the agent given the skill', async () => {
  const skill = await fx.call('POST', '/skill', { body: '<skill><skillName>Mortgages</skillName></skill>' });
  assert.equal(skill.status, 201, skill.text);
  const skillId = createdKey(skill.headers.get('location'));
  assert.equal(skill.text, skill.headers.get('location'));

  const csq = await fx.call('POST', '/csq', { body: `<csq><name>CSQ_Mortgages</name><queueType>VOICE</queueType>
    <queueAlgorithm>FIFO</queueAlgorithm><resourcePoolType>SKILL_GROUP</resourcePoolType>
    <poolSpecificInfo><skillGroup><skillCompetency><competencelevel>3</competencelevel>
    <skillNameUriPair name="Mortgages"><refURL>/adminapi/Skill/${skillId}</refURL></skillNameUriPair></skillCompetency>
    <selectionCriteria>Longest Available</selectionCriteria></skillGroup></poolSpecificInfo></csq>` });
  assert.equal(csq.status, 201, csq.text);

  const assign = await fx.call('PUT', '/resource/agent2', { body: `<resource><userID>agent2</userID><extension>1002</extension>
    <skillMap><skillCompetency><competencelevel>7</competencelevel><skillNameUriPair name="x">
    <refURL>${fx.baseUrl}/skill/${skillId}</refURL></skillNameUriPair></skillCompetency></skillMap></resource>` });
  assert.equal(assign.status, 200, assign.text);

  const application = await fx.call('POST', '/application', { body: `<application><ScriptApplication>
    <script>SSCRIPT[icd.aef]</script><scriptParams><name>CSQ</name><value>"CSQ_Mortgages"</value>
    <type>java.lang.String</type></scriptParams></ScriptApplication><applicationName>Mortgage_App</applicationName>
    <type>Cisco Script Application</type><maxsession>5</maxsession><enabled>true</enabled></application>` });
  assert.equal(application.status, 201, application.text);

  const directory = fx.callmanager.directory;
  await directory.addCtiRoutePoint({ name: 'RP_7700', devicePoolName: 'Default', lines: [{ pattern: '7700' }] });
  const jtapi = await directory.getAppUser({ userid: 'poise_jtapi' });
  await directory.updateAppUser({ userid: 'poise_jtapi' }, { associatedDevices: [...jtapi.associatedDevices, 'RP_7700'] });

  const trigger = await fx.call('POST', '/trigger', { body: `<trigger><directoryNumber>7700</directoryNumber>
    <application name="Mortgage_App"><refURL>/adminapi/application/Mortgage_App</refURL></application>
    <deviceName>RP_7700</deviceName><description>Mortgages line</description></trigger>` });
  assert.equal(trigger.status, 201, trigger.text);

  const { client: cti } = await CtiClient.open({ host: '127.0.0.1', port: fx.engine.ctiPort, clientId: 'adminapi-test' });
  await cti.nextEvent();
  for (const agentState of ['LOGIN', 'READY'] as const) {
    const reply = await cti.request({
      type: 'SET_AGENT_STATE_REQ', peripheralId: 1, agentState, agentWorkMode: 0, numSkillGroups: 0,
      eventReasonCode: 0, forcedFlag: 0, agentServiceReq: 0, agentInstrument: '1002', agentId: 'agent2',
    });
    assert.equal(reply.type, 'SET_AGENT_STATE_CONF');
  }
  const placed = await fetch(`${fx.cmUrl}/lab/calls`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
    body: JSON.stringify({ from: '+14155550123', to: '7700' }),
  });
  assert.equal(placed.status, 201);
  const body = await placed.json() as { callId: string };
  const delivered = (await cti.waitFor('CALL_DELIVERED_EVENT')).event;
  assert.equal(delivered.alertingDeviceId, '1002');
  await cti.close();
});
