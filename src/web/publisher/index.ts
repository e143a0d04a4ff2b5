export { RecordingPublisher, type PublishedUpdate, type Publisher } from './publisher.ts';
export { renderUpdate, type UpdateEvent } from './update.ts';
export { PubsubPublisher, TeePublisher } from './pubsub-publisher.ts';
export { LoggingPublisher } from './logging-publisher.ts';
export { XmppPublisher, type XmppPublisherOptions } from './xmpp-publisher.ts';
