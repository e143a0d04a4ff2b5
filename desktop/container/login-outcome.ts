// Waits for the outcome of the LOGIN (desktop-and-gadgets.md §1 step 6): the User notification that follows the
// 202. An error notification carrying our requestId is the LOGIN's refusal (extension in use, not this user's);
// silence past the timeout means the engine did not act on it.
import type { PageHub } from './hub-types.ts';
import { readUserNotification, topicOfNode } from './notification.ts';
import type { SignInProblem } from './sign-in-input.ts';

export interface LoginWatch {
  /** Call once the PUT was accepted, with its requestId. */
  accepted(requestId: string): Promise<{ ok: true } | { ok: false; problem: SignInProblem }>;
  cancel(): void;
}

/** Subscribe before the PUT: the notification can arrive before the PUT's own answer. */
export function watchLogin(hub: PageHub, userId: string, timeoutMs: number): LoginWatch {
  const seen: Array<ReturnType<typeof readUserNotification>> = [];
  let notify: (() => void) | undefined;
  const subscription = hub.subscribe(topicOfNode(`/finesse/api/User/${userId}`), (_topic, data) => {
    seen.push(readUserNotification(data));
    notify?.();
  });
  const cancel = () => { try { hub.unsubscribe(subscription); } catch { /* gone with the hub */ } };
  return {
    cancel,
    accepted(requestId) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => finish({ ok: false, problem: { kind: 'engine-down' } }), timeoutMs);
        function finish(result: { ok: true } | { ok: false; problem: SignInProblem }): void {
          clearTimeout(timer);
          notify = undefined;
          cancel();
          resolve(result);
        }
        notify = () => {
          for (const event of seen.splice(0)) {
            if (event?.kind === 'error' && (event.requestId === requestId || event.requestId === '')) {
              return finish({ ok: false, problem: { kind: 'extension-refused', detail: event.errorMessage } });
            }
            if (event?.kind === 'state' && event.state !== 'LOGOUT') return finish({ ok: true });
          }
        };
        notify();
      });
    },
  };
}
