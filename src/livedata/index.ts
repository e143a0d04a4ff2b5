// Live Data (CUIC Live Data's role, desktop-and-gadgets.md §6): real-time report rows over Socket.IO on 12015,
// fed by the engine's statistics stream through the broker adapter (in-process, RabbitMQ or Redis).
import { createServer } from 'node:http';
import type { RunningService, ServiceContext } from '../shared/service.ts';
import { AxlUserDirectory } from '../shared/axl/axl-user-directory.ts';
import { SERVICE_ACCOUNTS } from '../shared/demo-contact-center.ts';
import { listenOn } from '../shared/listen.ts';
import { isCallManager } from '../callmanager/index.ts';
import { openBroker, type StatisticsBroker } from './broker/index.ts';
import { LivedataServer } from './server/livedata-server.ts';
import { viewerAuth } from './server/viewer-auth.ts';

export { LivedataServer } from './server/livedata-server.ts';
export { forwardLivedata } from './server/web-forward.ts';
export { openBroker, type StatisticsBroker } from './broker/index.ts';

export interface LivedataService extends RunningService {
  readonly server: LivedataServer;
  readonly broker: StatisticsBroker;
  readonly port: number;
}

/** A service that already holds the node's statistics broker (the engine, when it runs in this process). */
interface BrokerHolder { statisticsBroker: StatisticsBroker }
const holdsBroker = (service: RunningService | undefined): service is RunningService & BrokerHolder =>
  service !== undefined && 'statisticsBroker' in service;

export const isLivedataService = (service: RunningService | undefined): service is LivedataService =>
  service?.name === 'livedata' && 'server' in service && 'broker' in service;

export async function startLivedata(context: ServiceContext): Promise<LivedataService> {
  const { config, log, started } = context;
  const engine = started.get('engine');
  // In one process the engine's broker is shared (the only way memory:// can carry anything); alone, we open ours.
  const shared = holdsBroker(engine) ? engine.statisticsBroker : undefined;
  const broker = shared ?? await openBroker(config.livedata.brokerUrl, log.child({ component: 'broker' }));
  if (!shared && broker.kind === 'memory') {
    log.warn('Live Data runs without the engine and with an in-process broker: no statistics will arrive (set POISE_STATISTICS_BROKER_URL)');
  }
  const callmanager = started.get('callmanager');
  const axl = isCallManager(callmanager) ? callmanager.axlLoopback : {
    url: config.livedata.axlUrl ?? `http://127.0.0.1:${config.ports.callmanagerHttp}/axl/`,
    userid: SERVICE_ACCOUNTS.axlReadOnly, password: config.demo.password ?? '',
  };
  const server = new LivedataServer({
    broker, authenticate: viewerAuth(new AxlUserDirectory(axl)), log, nodeName: config.publicHost,
  });
  const http = createServer((_request, response) => { response.statusCode = 404; response.end(); });
  await server.start();
  server.attach(http, '/socket.io');
  const port = await listenOn(http, config.ports.livedata, config.host).catch(async (err: unknown) => {
    await server.close();
    throw err;
  });
  log.info({ port, broker: broker.kind }, 'Live Data listening');
  return {
    name: 'livedata', server, broker, port,
    endpoints: [{ label: `Live Data (Socket.IO, namespace /livedata; statistics via ${broker.kind})`, url: `http://${config.publicHost}:${port}/socket.io` }],
    async close() {
      await server.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      if (!shared) await broker.close();
    },
  };
}
