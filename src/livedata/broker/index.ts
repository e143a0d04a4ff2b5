export type { BrokerStatus, StatisticsBroker, Subscription, BrokerLog } from './broker.ts';
export * from './messages.ts';
export { inProcessBroker } from './in-process.ts';
export { openBroker } from './open-broker.ts';
