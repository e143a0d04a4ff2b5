// add/get/list/update/remove for a device family: Phone (axl.md §5.3) and CtiRoutePoint (§5.5) share one shape.
import type { Device, DeviceCriteria, DeviceIdentity, DeviceInput, DeviceUpdate, Directory, Page } from '../../directory/index.ts';
import { invalidRequest } from '../faults.ts';
import { childElement, identity, page, returnedTags, searchCriteria } from '../fields.ts';
import type { OperationTable } from '../operation.ts';
import { formatUuid, pickTags } from '../xml.ts';
import { deviceElement, deviceInput, deviceUpdate } from './device-xml.ts';
import { fetchPage } from './paging.ts';

export interface DeviceFamily {
  type: 'Phone' | 'CtiRoutePoint';
  element: 'phone' | 'ctiRoutePoint';
  add(d: Directory, input: DeviceInput): Promise<string>;
  get(d: Directory, id: DeviceIdentity): Promise<Device>;
  list(d: Directory, c: DeviceCriteria, p: Page): Promise<Device[]>;
  count(d: Directory, c: DeviceCriteria): Promise<number>;
  update(d: Directory, id: DeviceIdentity, u: DeviceUpdate): Promise<string>;
  remove(d: Directory, id: DeviceIdentity): Promise<string>;
}

// securityProfileName is accepted (axl.md §4) but Poise keeps no security profiles, so it filters nothing.
const LIST_CRITERIA = [
  'name', 'description', 'protocol', 'callingSearchSpaceName', 'devicePoolName', 'securityProfileName',
] as const;

export function deviceOperations(f: DeviceFamily): OperationTable {
  return {
    [`add${f.type}`]: {
      class: 'write',
      async handle(request, { directory }) {
        const device = childElement(request, f.element);
        if (!device) throw invalidRequest(`add${f.type} requires a ${f.element} element`);
        return [formatUuid(await f.add(directory, deviceInput(device)))];
      },
    },
    [`get${f.type}`]: {
      class: 'read',
      async handle(request, { directory, operation }) {
        const device = await f.get(directory, identity(request, 'name', operation));
        return [pickTags(deviceElement(f.element, device), returnedTags(request))];
      },
    },
    [`list${f.type}`]: {
      class: 'read',
      async handle(request, ctx) {
        const { securityProfileName: _ignored, ...criteria } = searchCriteria(request, LIST_CRITERIA);
        const devices = await fetchPage(ctx, page(request),
          (p) => f.list(ctx.directory, criteria, p), () => f.count(ctx.directory, criteria));
        const tags = returnedTags(request);
        return devices.map((d) => pickTags(deviceElement(f.element, d), tags));
      },
    },
    [`update${f.type}`]: {
      class: 'write',
      async handle(request, { directory, operation }) {
        return [formatUuid(await f.update(directory, identity(request, 'name', operation), deviceUpdate(request)))];
      },
    },
    [`remove${f.type}`]: {
      class: 'write',
      async handle(request, { directory, operation }) {
        return [formatUuid(await f.remove(directory, identity(request, 'name', operation)))];
      },
    },
  };
}
