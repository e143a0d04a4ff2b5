// Sign-in to the console: the id and password are checked with GET /finesse/api/User/{id}
// (desktop-and-gadgets.md §1 step 3) and the Administrator role is required (rest-api.md §1.3).
import { h, replaceContent } from '../gadgets/shared/dom.ts';
import { AdminApi, ApiFailure } from './api.ts';
import { childElements } from './xml.ts';

export const NOT_ADMINISTRATOR = 'This console is for administrators only. Sign in with an administrator account.';

/** Resolves with the api once an administrator signs in; failed attempts are explained on the form. */
async function check(id: string, password: string): Promise<AdminApi> {
  const api = new AdminApi(id, password);
  try {
    const user = await api.get(`/finesse/api/User/${encodeURIComponent(id)}`);
    const roles = childElements(user, 'roles').flatMap((r) => childElements(r, 'role')).map((r) => r.textContent);
    if (roles.includes('Administrator')) return api;
    if (roles.length > 0) throw new Error(NOT_ADMINISTRATOR);
  } catch (err) {
    if (err instanceof ApiFailure && err.status === 401) throw new Error('The id or password is not correct.', { cause: err });
    if (err instanceof ApiFailure && err.status === 0) throw new Error('The server could not be reached. Try again.', { cause: err });
    // An administrator is an application user, whom the agent directory may not list (404 User Not Found).
    if (!(err instanceof ApiFailure && err.status === 404)) throw err;
  }
  // The credentials are good; only an administrator may read every reason code.
  try {
    await api.get('/finesse/api/ReasonCodes?category=ALL');
    return api;
  } catch (err) {
    if (err instanceof ApiFailure && (err.status === 403 || err.status === 401)) throw new Error(NOT_ADMINISTRATOR, { cause: err });
    throw new Error('The server could not confirm the account. Try again.', { cause: err });
  }
}

export function signIn(root: HTMLElement): Promise<AdminApi> {
  return new Promise((resolve) => {
    const error = h('p', { class: 'admin-message', 'data-kind': 'error', role: 'alert', hidden: true });
    const id = h('input', { id: 'signin-id', name: 'id', autocomplete: 'username', required: true });
    const password = h('input', { id: 'signin-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const submit = h('button', { type: 'submit', class: 'primary', 'data-action': 'sign-in' }, 'Sign in');
    const form = h('form', { class: 'admin-signin', 'aria-labelledby': 'signin-title' },
      h('h1', { id: 'signin-title' }, 'Poise Administration'),
      error,
      h('label', { for: 'signin-id' }, 'ID', id),
      h('label', { for: 'signin-password' }, 'Password', password),
      submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submit.disabled = true;
      error.hidden = true;
      check(id.value.trim(), password.value).then(resolve, (err: unknown) => {
        error.textContent = err instanceof Error ? err.message : String(err);
        error.hidden = false;
        submit.disabled = false;
        password.select();
      });
    });
    replaceContent(root, [form]);
    id.focus();
  });
}
