export { CtiConnection, CtiUnavailableError, type CtiConnectionOptions } from './connection.ts';
export { CTI_TIMEOUT, failureDetail, type CtiFailureDetail } from './failures.ts';
