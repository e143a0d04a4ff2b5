// CTI status codes E_CTI_… (cti.md §4.4) and the typed failure every decoder returns instead of throwing.

export const CtiStatus = {
  NO_ERROR: 0,
  INVALID_VERSION: 1,
  INVALID_MESSAGE_TYPE: 2,
  INVALID_FIELD: 3,
  SESSION_NOT_OPEN: 4,
  SESSION_ALREADY_OPEN: 5,
  REQUIRED_DATA_MISSING: 6,
  INVALID_PERIPHERAL_ID: 7,
  INVALID_AGENT_DATA: 8,
  AGENT_NOT_LOGGED_ON: 9,
  DEVICE_IN_USE: 10,
  NEW_SESSION_OPENED: 11,
  FUNCTION_NOT_AVAILABLE: 12,
  INVALID_CALLID: 13,
  UNSPECIFIED_FAILURE: 17,
  INVALID_TIMEOUT: 18,
  INVALID_FIELD_LENGTH: 23,
  BAD_MESSAGE_FORMAT: 25,
  INVALID_PASSWORD: 36,
  SERVER_NOT_MASTER: 92,
  INVALID_CSQ: 93,
  JTAPI_CCM_PROBLEM: 94,
  AUTO_CONFIG_RESET: 96,
} as const;
export type CtiStatusName = keyof typeof CtiStatus;
export type CtiStatus = (typeof CtiStatus)[CtiStatusName];

export interface CtiFailureDetail {
  /** The InvokeID of the request, when the body was long enough to hold one: the answer is then a FAILURE_CONF. */
  readonly invokeId?: number | undefined;
  readonly messageType?: number | undefined;
  /** The stream cannot be resynchronised (a length over the limit): FAILURE_EVENT and close (§9.2). */
  readonly fatal?: boolean | undefined;
}

/** A protocol violation, carrying the status the peer gets in FAILURE_CONF or FAILURE_EVENT (cti.md §9.2). */
export class CtiFailure extends Error {
  readonly invokeId: number | undefined;
  readonly messageType: number | undefined;
  readonly fatal: boolean;

  constructor(readonly status: CtiStatus, message: string, detail: CtiFailureDetail = {}) {
    super(message);
    this.name = 'CtiFailure';
    this.invokeId = detail.invokeId;
    this.messageType = detail.messageType;
    this.fatal = detail.fatal ?? false;
  }
}
