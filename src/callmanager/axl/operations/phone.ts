// addPhone, getPhone, listPhone, updatePhone, removePhone (axl.md §5.3); CTI ports are phones of product `CTI Port`.
import { deviceOperations } from './devices.ts';

export const phoneOperations = deviceOperations({
  type: 'Phone', element: 'phone',
  // product, class and protocol may be missing here: the directory answers with the -391 fault.
  add: (d, input) => d.addPhone({ ...input, product: input.product ?? '', class: input.class ?? '', protocol: input.protocol ?? '' }),
  get: (d, id) => d.getPhone(id), list: (d, c, p) => d.listPhones(c, p), count: (d, c) => d.countPhones(c),
  update: (d, id, u) => d.updatePhone(id, u), remove: (d, id) => d.removePhone(id),
});
