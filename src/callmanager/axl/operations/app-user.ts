// addAppUser, getAppUser, listAppUser, updateAppUser, removeAppUser (axl.md §5.6).
import type { Element } from '../../../shared/xml/index.ts';
import type { AppUser } from '../../directory/index.ts';
import { invalidRequest } from '../faults.ts';
import { childElement, groups, identity, page, returnedTags, searchCriteria, secret, text, textList } from '../fields.ts';
import type { OperationTable } from '../operation.ts';
import { el, formatUuid, leaf, pickTags } from '../xml.ts';
import { fetchPage } from './paging.ts';

export function appUserElement(user: AppUser): Element {
  return el('appUser', { uuid: formatUuid(user.uuid) },
    leaf('userid', user.userid), leaf('presenceGroupName', user.presenceGroupName),
    el('associatedDevices', {}, ...user.associatedDevices.map((d) => leaf('device', d))),
    el('associatedGroups', {}, ...user.roles.map((r) => el('userGroup', {}, leaf('name', r)))));
}

function appUserFields(x: Element) {
  return {
    password: secret(x, 'password'), presenceGroupName: text(x, 'presenceGroupName') || undefined,
    associatedDevices: textList(x, 'associatedDevices', 'device'), roles: groups(x),
  };
}

export const appUserOperations: OperationTable = {
  addAppUser: {
    class: 'write',
    async handle(request, { directory }) {
      const user = childElement(request, 'appUser');
      if (!user) throw invalidRequest('addAppUser requires an appUser element');
      return [formatUuid(await directory.addAppUser({ ...appUserFields(user), userid: text(user, 'userid') ?? '' }))];
    },
  },
  getAppUser: {
    class: 'read',
    async handle(request, { directory, operation }) {
      const user = await directory.getAppUser(identity(request, 'userid', operation));
      return [pickTags(appUserElement(user), returnedTags(request))];
    },
  },
  listAppUser: {
    class: 'read',
    async handle(request, ctx) {
      const criteria = searchCriteria(request, ['userid'] as const);
      const users = await fetchPage(ctx, page(request),
        (p) => ctx.directory.listAppUsers(criteria, p), () => ctx.directory.countAppUsers(criteria));
      const tags = returnedTags(request);
      return users.map((u) => pickTags(appUserElement(u), tags));
    },
  },
  updateAppUser: {
    class: 'write',
    async handle(request, { directory, operation }) {
      const uuid = await directory.updateAppUser(identity(request, 'userid', operation),
        { ...appUserFields(request), newUserid: text(request, 'newUserid') });
      return [formatUuid(uuid)];
    },
  },
  removeAppUser: {
    class: 'write',
    async handle(request, { directory, operation }) {
      return [formatUuid(await directory.removeAppUser(identity(request, 'userid', operation)))];
    },
  },
};
