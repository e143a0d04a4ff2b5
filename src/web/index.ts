// The web service (Finesse's REST API WAR): the REST API under /finesse/api/ on HTTP (8082) and HTTPS (8445),
// users authenticated against the call manager through AXL, configuration in the web schema.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { isCallManager } from '../callmanager/index.ts';
import { ADMIN_API_PREFIX, adminApiPlugin, isEngineService } from '../engine/index.ts';
import type { RunningService, ServiceContext } from '../shared/service.ts';
import { loadTlsMaterial } from '../shared/tls.ts';
import { Authenticator } from './auth/authenticator.ts';
import { AxlUserDirectory } from '../shared/axl/axl-user-directory.ts';
import { authenticationHook } from './auth/hook.ts';
import type { UserDirectory } from '../shared/axl/user-directory.ts';
import { directoryClientLogSink } from './client-log-sink.ts';
import { API_PREFIX, buildWebApp } from './http/app.ts';
import type { RestContext } from './rest/context.ts';
import { REST_RESOURCES } from './rest/index.ts';
import type { SystemInfoState } from './rest/system-info.ts';
import { openWebConfigStore, type WebConfigStore } from './store/index.ts';
import { seedWebConfiguration } from './store/seed.ts';

export interface WebService extends RunningService {
  readonly store: WebConfigStore;
  readonly authenticator: Authenticator;
  readonly apps: { http: FastifyInstance; https: FastifyInstance };
}

export async function startWeb(context: ServiceContext): Promise<WebService> {
  const { config, store, log } = context;
  await store.migrate('web');
  const configStore = openWebConfigStore(store.db);
  await seedWebConfiguration(store.db, configStore, log);

  const authenticator = new Authenticator({
    directory: userDirectory(context), cacheTtlMs: config.web.authCacheSeconds * 1000,
  });
  const tls = await loadTlsMaterial({
    certFile: config.tls.certFile, keyFile: config.tls.keyFile, dataDir: config.dataDir, hostName: config.publicHost,
  });
  let httpsPort = config.ports.webHttps;
  const systemInfo = (): SystemInfoState => ({
    status: 'IN_SERVICE', statusReason: '',
    primaryNode: {
      host: config.publicHost, httpsPort, xmppPort: config.ports.bosh, xmppSecurePort: config.ports.boshHttps,
    },
    secondaryNode: undefined,
    xmppDomain: config.publicHost,
    timezoneOffset: -new Date().getTimezoneOffset(),
    now: new Date(),
  });
  const restContext: RestContext = {
    authenticate: authenticationHook(authenticator), store: configStore, systemInfo,
    clientLogs: directoryClientLogSink(path.resolve(config.dataDir, 'clientlogs')),
  };
  const appOptions = { log, maxBodyBytes: config.web.maxBodyBytes, resources: REST_RESOURCES, context: restContext };
  const http = await buildWebApp(appOptions);
  const https = await buildWebApp({ ...appOptions, tls });
  // adminapi.md §1.1: with the engine in this process, /adminapi/ is served on web's ports too.
  const engine = context.started.get('engine');
  if (isEngineService(engine)) {
    for (const app of [http, https]) await app.register(adminApiPlugin, { ...engine.adminApi, prefix: ADMIN_API_PREFIX });
  }
  try {
    await http.listen({ host: config.host, port: config.ports.web });
    await https.listen({ host: config.host, port: config.ports.webHttps });
  } catch (err) {
    await Promise.all([http.close(), https.close()]);
    throw err;
  }
  httpsPort = portOf(https);
  const host = config.publicHost;
  return {
    name: 'web', store: configStore, authenticator, apps: { http, https },
    endpoints: [
      { label: 'Finesse REST API', url: `https://${host}:${httpsPort}${API_PREFIX}/` },
      { label: 'Finesse REST API (plain HTTP)', url: `http://${host}:${portOf(http)}${API_PREFIX}/` },
      { label: 'SystemInfo', url: `http://${host}:${portOf(http)}${API_PREFIX}/SystemInfo` },
    ],
    async close() {
      await Promise.all([http.close(), https.close()]);
    },
  };
}

/**
 * AXL as the CCX realm uses it: the configured URL, else the call manager of this node on its loopback HTTP
 * listener, with the read-only service account (its password: configured, else the node's demo password).
 */
function userDirectory({ config, started }: ServiceContext): UserDirectory {
  const callManager = started.get('callmanager');
  const local = isCallManager(callManager) ? callManager.axlLoopback : undefined;
  const url = config.web.axlUrl ?? local?.url;
  const password = config.web.axlPassword ?? local?.password ?? config.demo.password;
  if (!url || !password) {
    throw new Error('web needs AXL: run the call manager in this node, or set POISE_WEB_AXL_URL and POISE_WEB_AXL_PASSWORD');
  }
  return new AxlUserDirectory({ url, userid: config.web.axlUser, password });
}

function portOf(app: FastifyInstance): number {
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}
