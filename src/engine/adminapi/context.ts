// What every /adminapi/ resource plugin is given: the engine's store, the call manager's people, and the write
// path that stores in one transaction and then reloads routing (adminapi.md §4).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../store/database.ts';
import type { ResourceType } from '../resources/types.ts';
import { readSnapshot, type Snapshot, type Tx } from './store.ts';
import { renderXml, type AdminNode } from './xml.ts';

/** A call-manager EndUser that is a resource (adminapi.md §2.2): an agent or supervisor with an extension. */
export interface Person {
  readonly userId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly extension: string;
  readonly type: ResourceType;
}

export interface AdminContext {
  readonly db: Database;
  people(): Promise<readonly Person[]>;
  snapshot(): Promise<Snapshot>;
  /** Runs `change` in one transaction, then applies the new configuration to routing before answering. */
  write<T>(change: (tx: Tx) => Promise<T>): Promise<T>;
}

export function adminContext(db: Database, people: () => Promise<readonly Person[]>, reload: () => Promise<void>): AdminContext {
  return {
    db, people,
    snapshot: () => readSnapshot(db),
    async write(change) {
      const result = await db.transaction(change);
      await reload();
      return result;
    },
  };
}

/** Absolute URL of an object, from the request's Host (adminapi.md §1.2 [Poise]). */
export function urlOf(request: FastifyRequest, object: string, key: string | number): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}/adminapi/${object}/${encodeURIComponent(String(key))}`;
}

export const sendXml = (reply: FastifyReply, node: AdminNode): FastifyReply =>
  reply.code(200).type('application/xml; charset=utf-8').send(renderXml(node));

/** 201 with the new object's URL in Location and as the body (adminapi.md §1.4 [Poise]). */
export const sendCreated = (reply: FastifyReply, url: string): FastifyReply =>
  reply.code(201).header('location', url).type('text/plain; charset=utf-8').send(url);

export const sendOk = (reply: FastifyReply): FastifyReply => reply.code(200).send('');

export const fullName = (p: Person): string => [p.firstName, p.lastName].filter(Boolean).join(' ');
