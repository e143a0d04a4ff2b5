// The statistics brokers a Live Data test runs against: in-process always, RabbitMQ when TEST_AMQP_URL is set, Redis
// when TEST_REDIS_URL is set. Each broker-backed URL names an exchange of this run's own, so runs sharing a broker
// (in parallel, or one that left records behind) never hear each other.
export interface BrokerUnderTest {
  name: 'in-process' | 'RabbitMQ' | 'Redis';
  /** POISE_STATISTICS_BROKER_URL for the node under test. */
  url: string;
  kind: 'memory' | 'amqp' | 'redis';
}

let runs = 0;

/** A fresh exchange name for every call, for tests that start more than one node. */
export function brokersUnderTest(): BrokerUnderTest[] {
  const exchange = `poise-test-${process.pid}-${Date.now().toString(36)}-${runs++}`;
  const scratch = (url: string) => {
    const parsed = new URL(url);
    parsed.searchParams.set('exchange', exchange);
    return parsed.toString();
  };
  const brokers: BrokerUnderTest[] = [{ name: 'in-process', url: 'memory://', kind: 'memory' }];
  if (process.env.TEST_AMQP_URL) brokers.push({ name: 'RabbitMQ', url: scratch(process.env.TEST_AMQP_URL), kind: 'amqp' });
  if (process.env.TEST_REDIS_URL) brokers.push({ name: 'Redis', url: scratch(process.env.TEST_REDIS_URL), kind: 'redis' });
  return brokers;
}
