// `npm start [-- --flag=value …]`: one node with every service, on embedded defaults.
import { ConfigError, loadConfig, type PoiseConfig } from './shared/config.ts';
import { createRootLogger } from './shared/logger.ts';
import { startNode, type RunningNode } from './node.ts';

async function main(): Promise<void> {
  const startedAt = performance.now();
  let config: PoiseConfig;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createRootLogger(config.logLevel);

  // Listen for signals before anything starts, so a stop during start-up still closes what has started.
  let node: RunningNode | undefined;
  let stopRequested = false;
  const stop = (signal: string) => {
    if (stopRequested) return;
    stopRequested = true;
    log.info({ signal }, 'stopping node');
    if (node) void closeAndExit(node);
  };
  const closeAndExit = (running: RunningNode) => running.close().then(() => process.exit(0), (err: unknown) => {
    log.error({ err }, 'error while stopping');
    process.exit(1);
  });
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  node = await startNode(config, log);
  if (stopRequested) return void closeAndExit(node);
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
  const lines = [`Poise node started in ${seconds} s (${config.services.join(', ')}; store: ${node.store.kind})`, ''];
  for (const service of node.services) {
    for (const endpoint of service.endpoints) lines.push(`  ${endpoint.label.padEnd(34)} ${endpoint.url}`);
  }
  for (const service of node.services) if (service.notes?.length) lines.push('', ...service.notes);
  process.stdout.write(`${lines.join('\n')}\n\n`);
  log.info({ seconds: Number(seconds) }, 'node ready');
}

main().catch((err: unknown) => {
  process.stderr.write(`Poise could not start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
