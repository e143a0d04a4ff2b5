// XPhone / XCtiRoutePoint ↔ directory devices (axl.md §5.3, §5.5): shared by phones and route points.
import type { Element } from '../../../shared/xml/index.ts';
import type { Device, DeviceInput, DeviceLineInput, DeviceLineRef, DeviceUpdate } from '../../directory/index.ts';
import { childElement, childElements, int, optional, text } from '../fields.ts';
import { el, formatUuid, leaf } from '../xml.ts';

export function deviceElement(name: 'phone' | 'ctiRoutePoint', device: Device): Element {
  return el(name, { uuid: formatUuid(device.uuid) },
    leaf('name', device.name), leaf('description', device.description), leaf('product', device.product),
    leaf('class', device.class), leaf('protocol', device.protocol), leaf('protocolSide', device.protocolSide),
    leaf('callingSearchSpaceName', device.callingSearchSpaceName),
    leaf('devicePoolName', device.devicePoolName, { uuid: formatUuid(device.devicePoolUuid) }),
    leaf('locationName', device.locationName), leaf('ownerUserName', device.ownerUserName),
    el('lines', {}, ...device.lines.map((line) => el('line', {},
      leaf('index', line.index), leaf('label', line.label), leaf('display', line.display),
      el('dirn', { uuid: formatUuid(line.lineUuid) },
        leaf('pattern', line.pattern), leaf('routePartitionName', line.routePartitionName)),
      leaf('maxNumCalls', line.maxNumCalls), leaf('busyTrigger', line.busyTrigger)))),
  );
}

/** `lines/line*` (or `addLines`, `removeLines`); undefined when the container is absent. */
function lineElements(parent: Element, container: string): Element[] | undefined {
  const holder = childElement(parent, container);
  return holder ? childElements(holder, 'line') : undefined;
}

function lineInput(line: Element): DeviceLineInput {
  const dirn = childElement(line, 'dirn');
  return {
    index: int(line, 'index'),
    pattern: (dirn && text(dirn, 'pattern')) ?? '',
    routePartitionName: dirn ? text(dirn, 'routePartitionName') : undefined,
    label: optional(line, 'label'), display: optional(line, 'display'),
    maxNumCalls: int(line, 'maxNumCalls'), busyTrigger: int(line, 'busyTrigger'),
  };
}

function lineRef(line: Element): DeviceLineRef {
  const index = int(line, 'index');
  if (index !== undefined) return { index };
  const dirn = childElement(line, 'dirn');
  return { pattern: (dirn && text(dirn, 'pattern')) ?? '', routePartitionName: dirn ? text(dirn, 'routePartitionName') : undefined };
}

/** Fields of an add; the directory fills the defaults and reports what is missing. */
export function deviceInput(x: Element): DeviceInput {
  return {
    name: text(x, 'name') ?? '', product: text(x, 'product'), class: text(x, 'class'), protocol: text(x, 'protocol'),
    protocolSide: text(x, 'protocolSide'), devicePoolName: text(x, 'devicePoolName') ?? '',
    locationName: text(x, 'locationName'), description: optional(x, 'description'),
    ownerUserName: optional(x, 'ownerUserName'), callingSearchSpaceName: optional(x, 'callingSearchSpaceName'),
    lines: lineElements(x, 'lines')?.map(lineInput),
  };
}

export function deviceUpdate(x: Element): DeviceUpdate {
  return {
    newName: text(x, 'newName'), description: optional(x, 'description'), protocol: text(x, 'protocol'),
    protocolSide: text(x, 'protocolSide'), devicePoolName: text(x, 'devicePoolName'),
    locationName: text(x, 'locationName'), ownerUserName: optional(x, 'ownerUserName'),
    callingSearchSpaceName: optional(x, 'callingSearchSpaceName'),
    lines: lineElements(x, 'lines')?.map(lineInput),
    addLines: lineElements(x, 'addLines')?.map(lineInput),
    removeLines: lineElements(x, 'removeLines')?.map(lineRef),
  };
}
