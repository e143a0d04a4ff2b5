// How a CTI refusal becomes the errorData and errorMessage of an apiErrors notification (cti-to-finesse.md §3.2,
// §3.3): CONTROL_FAILURE_CONF gives its FailureCode and `CF_` + its name, FAILURE_CONF its Status and `E_CTI_` + its
// name, and no answer gives an empty errorData and CTI_TIMEOUT.
import { CtiStatus, type CtiMessage } from '../../engine/cti/codec/index.ts';

const FAILURE_CODE_NAMES: Readonly<Record<number, string>> = {
  0: 'GENERIC_UNSPECIFIED', 1: 'GENERIC_OPERATION', 2: 'REQUEST_INCOMPATIBLE_WITH_OBJECT', 3: 'VALUE_OUT_OF_RANGE',
  4: 'OBJECT_NOT_KNOWN', 5: 'INVALID_CALLING_DEVICE', 6: 'INVALID_CALLED_DEVICE', 7: 'INVALID_FORWARDING_DESTINATION',
  8: 'PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE', 9: 'PRIVILEGE_VIOLATION_ON_CALLED_DEVICE',
  10: 'PRIVILEGE_VIOLATION_ON_CALLING_DEVICE', 11: 'INVALID_CSTA_CALL_IDENTIFIER', 12: 'INVALID_CSTA_DEVICE_IDENTIFIER',
  13: 'INVALID_CSTA_CONNECTION_IDENTIFIER', 14: 'INVALID_DESTINATION', 22: 'INVALID_OBJECT_STATE', 24: 'NO_ACTIVE_CALL',
  25: 'NO_HELD_CALL', 28: 'NO_CALL_TO_ANSWER', 33: 'RESOURCE_BUSY', 34: 'RESOURCE_OUT_OF_SERVICE',
  256: 'INVALID_AGENT_ID_SPECIFIED', 257: 'INVALID_PASSWORD_SPECIFIED', 259: 'SPECIFIED_AGENT_ALREADY_SIGNED_ON',
  265: 'INVALID_AGENT_WORKMODE', 266: 'INVALID_AGENT_REASON_CODE', 269: 'INTERNAL_PROCESSING_ERROR',
  281: 'REASON_CODE_REQUIRED', 1010: 'INVALID_PARAMETER',
};

const STATUS_NAMES: ReadonlyMap<number, string> = new Map(Object.entries(CtiStatus).map(([name, value]) => [value, name]));

export interface CtiFailureDetail { readonly errorData: string; readonly errorMessage: string }

export const CTI_TIMEOUT: CtiFailureDetail = { errorData: '', errorMessage: 'CTI_TIMEOUT' };

/** The apiError detail of a refusal; undefined when `reply` is no refusal. */
export function failureDetail(reply: CtiMessage): CtiFailureDetail | undefined {
  switch (reply.type) {
    case 'CONTROL_FAILURE_CONF':
      return { errorData: String(reply.failureCode), errorMessage: `CF_${FAILURE_CODE_NAMES[reply.failureCode] ?? 'UNKNOWN'}` };
    case 'FAILURE_CONF':
      return { errorData: String(reply.status), errorMessage: `E_CTI_${STATUS_NAMES.get(reply.status) ?? 'UNKNOWN'}` };
    default:
      return undefined;
  }
}
