// trigger (adminapi.md §2.6), keyed by directoryNumber: a route point's DN → an application. The route point
// must already exist in the call manager (added through AXL); the engine registers it on the next reload.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { triggers } from '../schema.ts';
import { sendCreated, sendOk, sendXml, urlOf, type AdminContext } from './context.ts';
import { duplicateName, instanceNotFound, invalidInput, invalidLink } from './errors.ts';
import { stringKey } from './keys.ts';
import { requireAdministrator } from './principal.ts';
import { sameName, type Snapshot } from './store.ts';
import { expectRoot, leaf, linkOf, record, reference, type AdminNode } from './xml.ts';

type TriggerRow = Snapshot['triggers'][number];

/** Unified CM settings stored without effect, in the order the spec writes them. */
const DEVICE_SETTINGS = ['alertingNameAscii', 'devicePool', 'location', 'partition', 'voiceMailProfile', 'callingSearchSpace',
  'callingSearchSpaceForRedirect', 'presenceGroup', 'forwardBusy', 'display', 'externalPhoneMaskNumber'] as const;

export function triggerNode(request: FastifyRequest, t: TriggerRow, snap: Snapshot): AdminNode {
  const app = snap.applications.find((a) => a.id === t.applicationId);
  const ccg = snap.callControlGroups.find((g) => g.id === t.callControlGroupId);
  return record('trigger', [
    leaf('self', undefined, { rel: 'self', href: urlOf(request, 'trigger', t.directoryNumber), type: 'trigger' }),
    leaf('directoryNumber', t.directoryNumber), leaf('locale', t.locale),
    reference('application', app?.name ?? '', urlOf(request, 'application', app?.name ?? '')),
    leaf('deviceName', t.deviceName), leaf('description', t.description),
    ...(ccg ? [reference('callControlGroup', String(ccg.id), urlOf(request, 'callControlGroup', ccg.id))] : []),
    leaf('triggerEnabled', t.enabled), leaf('maxNumOfSessions', t.maxSessions), leaf('idleTimeout', t.idleTimeoutMs),
    ...DEVICE_SETTINGS.filter((k) => k !== 'forwardBusy').map((k) => leaf(k, t.deviceSettings[k])),
  ]);
}

function readTrigger(body: unknown, snap: Snapshot, dn?: string) {
  const f = expectRoot(body, 'trigger').allow(['self', 'directoryNumber', 'locale', 'application', 'deviceName',
    'description', 'callControlGroup', 'triggerEnabled', 'maxNumOfSessions', 'idleTimeout', 'overrideMediaTermination',
    ...DEVICE_SETTINGS]);
  const directoryNumber = dn ?? f.requiredText('directoryNumber');
  if (!/^[0-9*#+]{1,24}$/.test(directoryNumber)) throw invalidInput('directoryNumber', 'directoryNumber must be a dial pattern');
  const appPair = f.child('application');
  if (!appPair) throw invalidInput('application', 'application is required');
  const appLink = linkOf(appPair, 'application');
  const app = snap.applications.find((a) => sameName(a.name, appLink.key));
  if (!app) throw invalidLink(appLink.path, appLink.key);
  let callControlGroupId: number | null = snap.callControlGroups[0]?.id ?? null;
  const ccgPair = f.child('callControlGroup');
  if (ccgPair) {
    const link = linkOf(ccgPair, 'callControlGroup');
    const ccg = snap.callControlGroups.find((g) => String(g.id) === link.key);
    if (!ccg) throw invalidLink(link.path, link.key);
    callControlGroupId = ccg.id;
  }
  const deviceSettings: Record<string, string> = {};
  for (const k of DEVICE_SETTINGS) {
    const v = k === 'forwardBusy' ? undefined : f.text(k);
    if (v !== undefined) deviceSettings[k] = v;
  }
  const partition = deviceSettings.partition;
  return {
    directoryNumber, routePartitionName: partition === undefined || partition === 'None' ? '' : partition,
    locale: f.text('locale') || 'en_US', applicationId: app.id, deviceName: f.requiredText('deviceName', 50),
    description: f.requiredText('description'), callControlGroupId, enabled: f.bool('triggerEnabled') ?? true,
    maxSessions: f.int('maxNumOfSessions', 1, 100_000) ?? 10, idleTimeoutMs: f.int('idleTimeout', 0, 3_600_000) ?? 5000,
    deviceSettings,
  };
}

export const triggerPlugin: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const find = (snap: Snapshot, request: FastifyRequest) => {
    const key = stringKey(request);
    const found = snap.triggers.find((t) => t.directoryNumber === key);
    if (!found) throw instanceNotFound(key);
    return found;
  };

  app.get('/trigger', async (request, reply) => {
    requireAdministrator(request);
    const snap = await ctx.snapshot();
    return sendXml(reply, record('triggers', snap.triggers.map((t) => triggerNode(request, t, snap))));
  });
  app.get('/trigger/:id', async (request, reply) => {
    requireAdministrator(request);
    const snap = await ctx.snapshot();
    return sendXml(reply, triggerNode(request, find(snap, request), snap));
  });
  app.post('/trigger', async (request, reply) => {
    requireAdministrator(request);
    const input = readTrigger(request.body, await ctx.snapshot());
    await ctx.write(async (tx) => {
      if ((await tx.select().from(triggers)).some((t) => t.directoryNumber === input.directoryNumber)) {
        throw duplicateName('trigger', input.directoryNumber);
      }
      await tx.insert(triggers).values(input);
    });
    return sendCreated(reply, urlOf(request, 'trigger', input.directoryNumber));
  });
  app.put('/trigger/:id', async (request, reply) => {
    requireAdministrator(request);
    const snap = await ctx.snapshot();
    const current = find(snap, request);
    const input = readTrigger(request.body, snap, current.directoryNumber);
    await ctx.write(async (tx) => { await tx.update(triggers).set(input).where(eq(triggers.directoryNumber, current.directoryNumber)); });
    return sendOk(reply);
  });
  app.delete('/trigger/:id', async (request, reply) => {
    requireAdministrator(request);
    const current = find(await ctx.snapshot(), request);
    await ctx.write(async (tx) => { await tx.delete(triggers).where(eq(triggers.directoryNumber, current.directoryNumber)); });
    return sendOk(reply);
  });
};
