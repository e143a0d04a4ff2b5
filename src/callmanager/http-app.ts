// The call manager's HTTP face: AXL at /axl/ and the lab API at /lab/. One builder, used for the HTTPS listener
// and for the plain-HTTP loopback one, so both serve the same thing.
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Logger } from '../shared/logger.ts';
import type { TlsMaterial } from '../shared/tls.ts';
import { axlPlugin, type AxlPluginOptions } from './axl/plugin.ts';
import { labPlugin, type LabPluginOptions } from './lab/plugin.ts';

export interface CallManagerHttpOptions {
  log: Logger;
  tls?: TlsMaterial;
  axl: Omit<AxlPluginOptions, 'log'>;
  lab: Omit<LabPluginOptions, 'log'> | undefined;
}

export async function buildCallManagerApp(options: CallManagerHttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.log,
    // AXL and the lab log each request themselves, with the fields that matter.
    logController: new LogController({ disableRequestLogging: true }),
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}),
  }) as unknown as FastifyInstance;
  await app.register(axlPlugin, { ...options.axl, log: options.log.child({ api: 'axl' }) });
  if (options.lab) await app.register(labPlugin, { ...options.lab, log: options.log.child({ api: 'lab' }) });
  app.get('/', async (_request, reply) =>
    reply.type('text/plain').send('Poise call manager: AXL at /axl/ (SOAP), lab API at /lab/ (JSON)\n'));
  return app;
}
