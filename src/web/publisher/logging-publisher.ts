// The web-services log of notifications (Finesse's "Finesse Web Services" log): one line per published update,
// with its node, event, requestId and size, then handed on unchanged.
import type { Logger } from '../../shared/logger.ts';
import type { Publisher } from './publisher.ts';

const EVENT = /<event>([A-Z]+)<\/event>/;
const REQUEST_ID = /<requestId>([^<]*)<\/requestId>/;

export class LoggingPublisher implements Publisher {
  constructor(private readonly target: Publisher, private readonly log: Logger) {}

  publish(node: string, updateXml: string): void {
    this.log.info({
      node, event: EVENT.exec(updateXml)?.[1], requestId: REQUEST_ID.exec(updateXml)?.[1] ?? '', bytes: updateXml.length,
    }, 'notification published');
    this.target.publish(node, updateXml);
  }

  createNode(node: string): void { this.target.createNode?.(node); }
  deleteNode(node: string): void { this.target.deleteNode?.(node); }
}
