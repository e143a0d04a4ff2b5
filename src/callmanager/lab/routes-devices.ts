// /lab/devices: a person at a desk phone answers, hangs up or dials.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LabError, parseInput } from './lab-error.ts';
import type { LabTelephony } from './lab-telephony.ts';

const Device = z.object({ name: z.string().min(1).max(128) });
const Action = z.object({ callId: z.string().min(1).max(64).optional() });
const Dial = z.object({ to: z.string().regex(/^\+?[0-9*#]{1,32}$/, 'must be a dialable number') });

export function registerDeviceRoutes(app: FastifyInstance, telephony: LabTelephony): void {
  const device = (params: unknown): string => {
    const { name } = parseInput(Device, params);
    if (!telephony.deviceExists(name)) throw new LabError('NOT_FOUND', `no device ${name}`);
    return name;
  };

  app.post('/lab/devices/:name/answer', async (request) => {
    const name = device(request.params);
    return telephony.answerAt(name, parseInput(Action, request.body).callId);
  });

  app.post('/lab/devices/:name/hangup', async (request) => {
    const name = device(request.params);
    return telephony.hangUpAt(name, parseInput(Action, request.body).callId);
  });

  app.post('/lab/devices/:name/dial', async (request, reply) => {
    const name = device(request.params);
    return reply.code(201).send(telephony.dial(name, parseInput(Dial, request.body).to));
  });
}
