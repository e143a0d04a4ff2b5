// Hands the web service's updates to the notification service's pubsub in the same process. Finesse's web
// service creates a user's nodes (notifications.md §3.1); here a node is created the first time it is published
// to, so users added later need no separate step.
import type { Logger } from '../../shared/logger.ts';
import type { NotifyPublisher } from '../../notify/index.ts';
import type { Publisher } from './publisher.ts';

export class PubsubPublisher implements Publisher {
  constructor(private readonly pubsub: NotifyPublisher, private readonly log: Logger) {}

  publish(node: string, updateXml: string): void {
    let outcome = this.pubsub.publish(node, updateXml);
    if (!outcome.ok && outcome.failure === 'item-not-found') {
      this.pubsub.createNode(node);
      outcome = this.pubsub.publish(node, updateXml);
    }
    if (!outcome.ok) this.log.error({ node, failure: outcome.failure }, 'notification not published');
  }

  createNode(node: string): void {
    this.pubsub.createNode(node); // a node that exists already is left as it is
  }

  deleteNode(node: string): void {
    this.pubsub.deleteNode(node);
  }
}

/** Sends every update to each of several publishers, in order. */
export class TeePublisher implements Publisher {
  constructor(private readonly targets: readonly Publisher[]) {}

  publish(node: string, updateXml: string): void {
    for (const target of this.targets) target.publish(node, updateXml);
  }

  createNode(node: string): void {
    for (const target of this.targets) target.createNode?.(node);
  }

  deleteNode(node: string): void {
    for (const target of this.targets) target.deleteNode?.(node);
  }
}
