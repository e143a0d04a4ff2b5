import { finesseApiError } from '../errors.ts';
import { constraintViolation } from '../store/constraint.ts';

/**
 * Runs a configuration write; a duplicated value (a unique index) becomes 400 Finesse API Error, as rest-api.md
 * §1.4 lists for "config object duplicated".
 */
export async function configWrite<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const violation = constraintViolation(err);
    if (violation === 'unique') throw finesseApiError(what, `A ${what} with the same value already exists.`);
    if (violation === 'foreign-key') throw finesseApiError(what, `The ${what} is referenced by another object.`);
    throw err;
  }
}
