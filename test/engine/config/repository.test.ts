import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../../../src/shared/logger.ts';
import { EngineRepository } from '../../../src/engine/config/repository.ts';
import { csqOfTrigger } from '../../../src/engine/config/engine-config.ts';
import { seedEngineDemo } from '../../../src/engine/config/demo-seed.ts';
import type { Store } from '../../../src/store/database.ts';
import { storeBackends } from '../../support/stores.ts';

for (const backend of storeBackends) {
  describe(`engine repository on ${backend.name}`, () => {
    const stores: Store[] = [];
    const open = async () => {
      const store = await backend.open();
      stores.push(store);
      await store.migrate('engine');
      return new EngineRepository(store.db);
    };
    after(async () => { for (const s of stores) await s.close(); });

    test('stores skills, CSQs, teams, resources, applications, triggers and reads them back', async () => {
      const repo = await open();
      const billing = await repo.addSkill('Billing');
      const group = await repo.addResourceGroup('Tier 1');
      const csq = await repo.addCsq({
        name: 'Billing', queueType: 'VOICE', autoWork: true, wrapupTime: 20,
        pool: { type: 'SKILL_GROUP', skills: [{ skillId: billing, minimumCompetence: 3, weight: 2, order: 1 }] },
        selectionCriteria: 'Most Skilled', serviceLevel: 10, serviceLevelPercentage: 80, ronaTimeoutSec: 12,
        ronaRequeue: 'TAIL',
      });
      const byGroup = await repo.addCsq({
        name: 'Tier 1', queueType: 'VOICE', autoWork: false, wrapupTime: 0,
        pool: { type: 'RESOURCE_GROUP', resourceGroupId: group }, selectionCriteria: 'Linear', serviceLevel: 5,
        serviceLevelPercentage: 70, ronaTimeoutSec: 0, ronaRequeue: 'HEAD',
      });
      const team = await repo.addTeam({ name: 'Billing', primarySupervisor: 'sup1', secondarySupervisors: ['sup2'], csqs: [csq, byGroup] });
      await repo.setResource({ userId: 'a1', teamId: team, resourceGroupId: group, groupOrder: 2, automaticAvailable: false, skills: new Map([[billing, 7]]) });
      await repo.setResource({ userId: 'a1', teamId: team, automaticAvailable: true, skills: new Map([[billing, 4]]) });
      const app = await repo.addApplication({ name: 'Billing', maxSessions: 5, script: 'icd', parameters: { CSQ: 'Billing' } });
      const ccg = await repo.addCallControlGroup({ name: 'ports', ctiPorts: ['P1', 'P2'] });
      await repo.addTrigger({
        directoryNumber: '7500', routePartitionName: '', deviceName: 'RP_7500', applicationId: app, callControlGroupId: ccg,
        enabled: true, maxSessions: 5, idleTimeoutMs: 5000,
      });
      await repo.writeSetting('ringNoAnswerSeconds', '15');

      const config = await repo.load();
      assert.deepEqual(config.skills, [{ id: billing, name: 'Billing' }]);
      assert.deepEqual(config.csqs.find((c) => c.id === csq)?.pool,
        { type: 'SKILL_GROUP', skills: [{ skillId: billing, minimumCompetence: 3, weight: 2, order: 1 }] });
      assert.deepEqual(config.csqs.find((c) => c.id === byGroup)?.pool, { type: 'RESOURCE_GROUP', resourceGroupId: group });
      assert.deepEqual(config.teams, [{ id: team, name: 'Billing', primarySupervisor: 'sup1', secondarySupervisors: ['sup2'], agents: ['a1'], csqs: [csq, byGroup].sort((a, b) => a - b) }]);
      assert.deepEqual(config.resources, [{ userId: 'a1', teamId: team, resourceGroupId: undefined, groupOrder: undefined, automaticAvailable: true, skills: new Map([[billing, 4]]) }]);
      assert.equal(config.callControlGroups[0]?.ctiPorts.join(), 'P1,P2');
      assert.equal(config.settings.ringNoAnswerSeconds, 15);
      const trigger = config.triggers[0];
      assert.ok(trigger);
      assert.equal(csqOfTrigger(config, trigger)?.id, csq);
    });

    test('a CSQ naming a skill that does not exist stores nothing', async () => {
      const repo = await open();
      await assert.rejects(repo.addCsq({
        name: 'Broken', queueType: 'VOICE', autoWork: false, wrapupTime: 0,
        pool: { type: 'SKILL_GROUP', skills: [{ skillId: 999, minimumCompetence: 1, weight: 1, order: 1 }] },
        selectionCriteria: 'Longest Available', serviceLevel: 5, serviceLevelPercentage: 70, ronaTimeoutSec: 0, ronaRequeue: 'HEAD',
      }));
      assert.deepEqual((await repo.load()).csqs, []);
    });

    test('the demo seed runs once and adds load teams when asked', async () => {
      const repo = await open();
      await seedEngineDemo(repo, { loadAgents: 0, log: silentLogger });
      await seedEngineDemo(repo, { loadAgents: 0, log: silentLogger });
      let config = await repo.load();
      assert.deepEqual(config.csqs.map((c) => c.name), ['Sales', 'Support']);
      assert.deepEqual(config.triggers.map((t) => [t.directoryNumber, t.deviceName, csqOfTrigger(config, t)?.name]),
        [['7001', 'RP_Sales', 'Sales'], ['7002', 'RP_Support', 'Support']]);
      assert.deepEqual(config.teams.map((t) => [t.name, t.primarySupervisor, t.agents.length]),
        [['Sales', 'supervisor1', 6], ['Support', 'supervisor2', 6]]);
      assert.equal(config.callControlGroups[0]?.ctiPorts.length, 20);
      await seedEngineDemo(repo, { loadAgents: 60, log: silentLogger });
      config = await repo.load();
      assert.deepEqual(config.teams.map((t) => t.name), ['Sales', 'Support', 'Load 1', 'Load 2']);
      assert.deepEqual(config.triggers.map((t) => t.directoryNumber), ['7001', '7002', '7101', '7102']);
    });
  });
}
