// /lab/calls: customers calling in (telephony-and-routing.md §4.1).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../../shared/clock.ts';
import type { CallSnapshot } from '../calls/types.ts';
import { LabError, parseInput } from './lab-error.ts';
import type { LabTelephony } from './lab-telephony.ts';
import type { LabCallNotes } from './lab-call-notes.ts';

const address = z.string().regex(/^\+?[0-9*#]{1,32}$/, 'must be a dialable number');
const PlaceCall = z.object({
  from: address,
  to: address,
  callVariables: z.record(z.string().regex(/^callVariable([1-9]|10)$/, 'callVariable1…callVariable10'), z.string().max(40))
    .default({}),
  ecc: z.record(z.string().min(1).max(64), z.string().max(255)).default({}),
  patienceMs: z.number().int().positive().max(86_400_000).optional(),
});
const Dtmf = z.object({ digits: z.string().regex(/^[0-9*#A-D]{1,64}$/), interDigitMs: z.number().int().min(0).max(10_000).default(100) });
const Prompt = z.object({ prompt: z.string().min(1).max(256), durationMs: z.number().int().min(0).default(0), interruptible: z.boolean().default(true) });
const CallId = z.object({ id: z.string().min(1).max(64) });

export interface CallRouteDeps { telephony: LabTelephony; clock: Clock; notes: LabCallNotes }

export function registerCallRoutes(app: FastifyInstance, { telephony, clock, notes }: CallRouteDeps): void {
  const view = (call: CallSnapshot) => ({ callId: call.id, ...call, ...notes.of(call.id) });
  const find = (id: string): CallSnapshot => {
    const call = telephony.getCall(id);
    if (!call) throw new LabError('NOT_FOUND', `no call ${id}`);
    return call;
  };

  app.post('/lab/calls', async (request, reply) => {
    const body = parseInput(PlaceCall, request.body);
    const variables = { ...body.callVariables, ...body.ecc };
    const call = telephony.placeInbound({ from: body.from, to: body.to, callVariables: variables });
    if (body.patienceMs !== undefined) notes.setPatience(call.id, body.patienceMs);
    return reply.code(201).send(view(call));
  });

  app.get('/lab/calls', async () => ({ calls: telephony.listCalls().map(view) }));

  app.get('/lab/calls/:id', async (request) => view(find(parseInput(CallId, request.params).id)));

  app.post('/lab/calls/:id/abandon', async (request) => {
    const call = find(parseInput(CallId, request.params).id);
    if (call.state !== 'ACTIVE') throw new LabError('CONFLICT', `call ${call.id} has already ended`);
    telephony.hangUpCaller(call.id);
    return view(telephony.getCall(call.id) ?? call);
  });

  app.post('/lab/calls/:id/dtmf', async (request, reply) => {
    const call = find(parseInput(CallId, request.params).id);
    const body = parseInput(Dtmf, request.body);
    const far = call.connections.find((c) => c.address !== call.calling);
    if (call.state !== 'ACTIVE' || far?.state !== 'CONNECTED') {
      throw new LabError('CONFLICT', `call ${call.id} is not connected`);
    }
    notes.addDigits(call.id, body.digits);
    [...body.digits].forEach((digit, i) => {
      const send = () => { if (telephony.getCall(call.id)?.state === 'ACTIVE') telephony.sendDigits(call.id, digit); };
      if (i === 0) send();
      else clock.setTimeout(send, i * body.interDigitMs);
    });
    return reply.code(202).send({ callId: call.id, digits: body.digits });
  });

  app.post('/lab/calls/:id/prompt', async (request) => {
    const call = find(parseInput(CallId, request.params).id);
    const body = parseInput(Prompt, request.body);
    if (call.state !== 'ACTIVE') throw new LabError('CONFLICT', `call ${call.id} has already ended`);
    notes.addPrompt(call.id, { ...body, at: clock.now() });
    return view(call);
  });
}
