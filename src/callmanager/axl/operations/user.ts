// addUser, getUser, listUser, updateUser, removeUser (axl.md §5.2).
import type { Element } from '../../../shared/xml/index.ts';
import type { EndUser, EndUserInput, EndUserUpdate } from '../../directory/index.ts';
import { invalidRequest } from '../faults.ts';
import {
  bool, childElement, groups, identity, optional, page, returnedTags, searchCriteria, secret, text, textList,
} from '../fields.ts';
import type { OperationTable } from '../operation.ts';
import { el, formatUuid, leaf, pickTags } from '../xml.ts';
import { fetchPage } from './paging.ts';

export function userElement(user: EndUser): Element {
  return el('user', { uuid: formatUuid(user.uuid) },
    leaf('firstName', user.firstName), leaf('displayName', user.displayName), leaf('lastName', user.lastName),
    leaf('userid', user.userid), leaf('mailid', user.mailid), leaf('department', user.department),
    leaf('telephoneNumber', user.telephoneNumber), leaf('presenceGroupName', user.presenceGroupName),
    el('associatedDevices', {}, ...user.associatedDevices.map((d) => leaf('device', d))),
    el('primaryExtension', {}, leaf('pattern', user.primaryExtension?.pattern),
      leaf('routePartitionName', user.primaryExtension?.routePartitionName)),
    leaf('enableCti', user.enableCti),
    el('associatedGroups', {}, ...user.roles.map((r) => el('userGroup', {}, leaf('name', r)))),
  );
}

function primaryExtension(x: Element): EndUserInput['primaryExtension'] {
  const ext = childElement(x, 'primaryExtension');
  if (!ext) return undefined;
  const pattern = text(ext, 'pattern');
  return pattern ? { pattern, routePartitionName: text(ext, 'routePartitionName') ?? '' } : null;
}

/** The fields add and update share; other XUser elements are accepted and ignored (axl.md §5.2). */
function userFields(x: Element): EndUserUpdate {
  return {
    firstName: optional(x, 'firstName'), displayName: optional(x, 'displayName'), lastName: text(x, 'lastName'),
    mailid: optional(x, 'mailid'), department: optional(x, 'department'),
    telephoneNumber: optional(x, 'telephoneNumber'), password: secret(x, 'password'), pin: secret(x, 'pin'),
    associatedDevices: textList(x, 'associatedDevices', 'device'), primaryExtension: primaryExtension(x),
    enableCti: bool(x, 'enableCti'), presenceGroupName: text(x, 'presenceGroupName') || undefined, roles: groups(x),
  };
}

const LIST_CRITERIA = ['firstName', 'lastName', 'userid', 'department'] as const;

export const userOperations: OperationTable = {
  addUser: {
    class: 'write',
    async handle(request, { directory }) {
      const user = childElement(request, 'user');
      if (!user) throw invalidRequest('addUser requires a user element');
      const fields = userFields(user);
      const uuid = await directory.addEndUser({ ...fields, userid: text(user, 'userid') ?? '', lastName: fields.lastName ?? '' });
      return [formatUuid(uuid)];
    },
  },
  getUser: {
    class: 'read',
    async handle(request, { directory, operation }) {
      const user = await directory.getEndUser(identity(request, 'userid', operation));
      return [pickTags(userElement(user), returnedTags(request))];
    },
  },
  listUser: {
    class: 'read',
    async handle(request, ctx) {
      const criteria = searchCriteria(request, LIST_CRITERIA);
      const users = await fetchPage(ctx, page(request),
        (p) => ctx.directory.listEndUsers(criteria, p), () => ctx.directory.countEndUsers(criteria));
      const tags = returnedTags(request);
      return users.map((u) => pickTags(userElement(u), tags));
    },
  },
  updateUser: {
    class: 'write',
    async handle(request, { directory, operation }) {
      const uuid = await directory.updateEndUser(identity(request, 'userid', operation),
        { ...userFields(request), newUserid: text(request, 'newUserid') });
      return [formatUuid(uuid)];
    },
  },
  removeUser: {
    class: 'write',
    async handle(request, { directory, operation }) {
      return [formatUuid(await directory.removeEndUser(identity(request, 'userid', operation)))];
    },
  },
};
