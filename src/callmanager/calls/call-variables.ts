// Call variables (UCCX callVariable1..10 and ECC variables) arrive from outside the model: check them here.
import { TelephonyError } from './errors.ts';

export function callVariablesFrom(input: unknown): Readonly<Record<string, string>> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TelephonyError('InvalidArgument', 'call variables must be an object of strings');
  }
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (typeof value !== 'string') throw new TelephonyError('InvalidArgument', `call variable ${name} is not a string`);
    variables[name] = value;
  }
  return Object.freeze(variables);
}
