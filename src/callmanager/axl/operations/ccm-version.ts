// getCCMVersion (axl.md §5.1): the configured version string; clients derive the schema from it.
import type { OperationTable } from '../operation.ts';
import { el, leaf } from '../xml.ts';

export const ccmVersionOperations: OperationTable = {
  getCCMVersion: {
    class: 'read',
    async handle(_request, { ccmVersion }) {
      return [el('componentVersion', {}, leaf('version', ccmVersion))];
    },
  },
};
