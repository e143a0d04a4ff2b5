// The AXL fault table (axl.md §3): one constructor per row, so every failure leaves in CUCM's form.

export type FaultCode = 'Client' | 'Server';

/** A failed operation: HTTP 500, `soapenv:{faultCode}`, and an `axlError` detail with `axlCode`. */
export class AxlFault extends Error {
  constructor(readonly faultCode: FaultCode, readonly axlCode: number, message: string) {
    super(message);
    this.name = 'AxlFault';
  }
}

export const notFound = (objectName: string): AxlFault =>
  new AxlFault('Server', 5007, `Item not valid: The specified ${objectName} was not found`);

/** CUCM answers an update of an unknown object with 5003, not 5007 ([A7]). */
export const updateNotFound = (objectName: string): AxlFault => new AxlFault('Server', 5003, `${objectName} not found`);

export const duplicate = (): AxlFault =>
  new AxlFault('Client', -239, 'Could not insert new row - duplicate value in a UNIQUE INDEX column (Unique Index:).');

export const missingReference = (constraint: string): AxlFault =>
  new AxlFault('Client', -691, `Missing key in referenced table for referential constraint (${constraint}).`);

export const requiredField = (column: string): AxlFault =>
  new AxlFault('Client', -391, `Cannot insert a null into column (${column}).`);

export const sqlSyntax = (reason: string): AxlFault =>
  new AxlFault('Client', -201, `A syntax error has occurred. ${reason}`);

export const unknownTable = (table: string): AxlFault =>
  new AxlFault('Client', -206, `The specified table (${table}) is not in the database.`);

export const unknownColumn = (column: string): AxlFault =>
  new AxlFault('Client', -217, `Column (${column}) not found in any table in the query (or SLV is undefined).`);

export const tooLarge = (total: number, suggested: number): AxlFault =>
  new AxlFault('Server', -1,
    `Query request too large. Total rows matched: ${total} rows. Suggestive Row Fetch: less than ${suggested} rows`);

export const unsupported = (operation: string): AxlFault =>
  new AxlFault('Client', 5003, `Operation ${operation} is not supported by Poise`);

export const malformed = (reason: string): AxlFault => new AxlFault('Client', 5003, `Malformed SOAP request: ${reason}`);

export const readOnly = (): AxlFault => new AxlFault('Client', 5003, 'Access denied: read-only AXL user');

/** A value the request got wrong that no other row covers (a bad boolean, a pin of letters). */
export const invalidRequest = (message: string): AxlFault => new AxlFault('Client', 5003, message);

/** Our own bug: logged, and answered in the fault form all the same. */
export const internal = (): AxlFault => new AxlFault('Server', 5003, 'Internal error; the request was not completed');
