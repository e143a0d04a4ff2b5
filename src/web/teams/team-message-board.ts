// The team messages of rest-api.md §5.3: stored in the web schema so they outlive a restart, published on each
// addressed team's node when sent and when they end (deleted or expired), and removed when their duration is up.
// One timer, owned here, waits for the nearest expiry.
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../shared/logger.ts';
import type { Publisher } from '../publisher/index.ts';
import type { TeamMessageAuthor } from '../schema.ts';
import type { TeamMessage, TeamMessageRepository } from '../store/team-messages.ts';
import { teamMessagesNode, teamMessageUpdate } from './team-message-node.ts';

export interface NewTeamMessage {
  content: string;
  /** Seconds the message stays active. */
  duration: number;
  teams: readonly number[];
  createdBy: TeamMessageAuthor;
}

const MAX_TIMER_MS = 2_147_483_647; // setTimeout's ceiling; a longer wait is re-armed on firing

export class TeamMessageBoard {
  readonly #messages: TeamMessageRepository;
  readonly #publisher: Publisher;
  readonly #log: Logger;
  readonly #now: () => Date;
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Infinity;
  /** Sweeps run one after another, so an expired message is published once. */
  #sweeping: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(options: { messages: TeamMessageRepository; publisher: Publisher; log: Logger; now?: () => Date }) {
    this.#messages = options.messages;
    this.#publisher = options.publisher;
    this.#log = options.log;
    this.#now = options.now ?? (() => new Date());
  }

  /** Removes what expired while the service was down and arms the timer for the rest. */
  start(): Promise<void> {
    return this.sweep();
  }

  async post(input: NewTeamMessage, requestId: string): Promise<TeamMessage> {
    const createdAt = this.#now(); // kept to the millisecond, so a message lasts its whole duration; sent in seconds
    const message = await this.#messages.create({
      id: randomUUID(), content: input.content, createdBy: input.createdBy, createdAt, duration: input.duration,
      expiresAt: new Date(createdAt.getTime() + input.duration * 1000), teams: [...new Set(input.teams)].sort((a, b) => a - b),
    });
    this.#publish(message, 'POST', requestId);
    this.#arm(message.expiresAt);
    return message;
  }

  get(id: string): Promise<TeamMessage | undefined> {
    return this.#messages.getActive(id, this.#now());
  }

  listFor(teamId: number): Promise<TeamMessage[]> {
    return this.#messages.listActive(teamId, this.#now());
  }

  /** Deletes an active message; undefined when there is none by that id. */
  async remove(id: string, requestId: string): Promise<TeamMessage | undefined> {
    if (!(await this.get(id))) return undefined;
    const removed = await this.#messages.remove(id);
    if (removed) this.#publish(removed, 'DELETE', requestId);
    return removed;
  }

  /** Removes the expired messages, publishes their end, and waits for the next expiry. */
  sweep(): Promise<void> {
    this.#sweeping = this.#sweeping.then(async () => {
      if (this.#closed) return;
      try {
        for (const message of await this.#messages.removeExpired(this.#now())) this.#publish(message, 'DELETE', '');
        const next = await this.#messages.nextExpiry();
        if (next) this.#arm(next);
      } catch (err) {
        this.#log.error({ err }, 'team messages not swept');
      }
    });
    return this.#sweeping;
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(at: Date): void {
    if (this.#closed || (this.#timer && at.getTime() >= this.#timerAt)) return;
    clearTimeout(this.#timer);
    this.#timerAt = at.getTime();
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, at.getTime() - this.#now().getTime()));
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#timerAt = Infinity;
      void this.sweep();
    }, delay);
    this.#timer.unref();
  }

  #publish(message: TeamMessage, event: 'POST' | 'DELETE', requestId: string): void {
    for (const teamId of message.teams) {
      this.#publisher.publish(teamMessagesNode(teamId), teamMessageUpdate(message, teamId, event, requestId));
    }
  }
}
