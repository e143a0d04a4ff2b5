// The sign-in form (desktop-and-gadgets.md §1 step 2): ID, password, extension. It remembers the last extension
// in localStorage, checks the fields before anything is sent, and shows every error in plain words.
import { h } from './dom.ts';
import { checkSignInInput, problemWords, type SignInInput, type SignInProblem } from './sign-in-input.ts';

const LAST_EXTENSION_KEY = 'poise.desktop.lastExtension';

export interface SignInForm {
  element: HTMLElement;
  showProblem(problem: SignInProblem, field?: keyof SignInInput): void;
  showNotice(text: string): void;
  setBusy(busy: boolean, text?: string): void;
  focusFirst(): void;
}

function remembered(): string {
  try { return localStorage.getItem(LAST_EXTENSION_KEY) ?? ''; } catch { return ''; }
}

function remember(extension: string): void {
  try { localStorage.setItem(LAST_EXTENSION_KEY, extension); } catch { /* private mode: nothing to remember */ }
}

export function signInForm(title: string, onSubmit: (input: SignInInput) => void): SignInForm {
  const field = (id: keyof SignInInput, label: string, type: string, autocomplete: string, value = '') => {
    const input = h('input', { id: `signin-${id}`, name: id, type, autocomplete, required: true, value,
      'aria-describedby': `signin-${id}-error` });
    const error = h('p', { class: 'field-error', id: `signin-${id}-error`, hidden: true });
    return { input, error, block: h('div', { class: 'field' }, h('label', { for: `signin-${id}` }, label), input, error) };
  };
  const fields = {
    userId: field('userId', 'ID', 'text', 'username'),
    password: field('password', 'Password', 'password', 'current-password'),
    extension: field('extension', 'Extension', 'text', 'off', remembered()),
  };
  fields.extension.input.inputMode = 'numeric';
  const message = h('p', { class: 'form-message', id: 'signin-message', role: 'alert', hidden: true });
  const notice = h('p', { class: 'form-notice', id: 'signin-notice', role: 'status', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'signin-submit' }, 'Sign In');
  const form = h('form', { class: 'signin-form', novalidate: true, 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, title),
    notice,
    fields.userId.block, fields.password.block, fields.extension.block,
    message, submit);
  const element = h('main', { class: 'signin' }, form);

  const clearProblems = () => {
    message.hidden = true;
    for (const f of Object.values(fields)) { f.error.hidden = true; f.input.removeAttribute('aria-invalid'); }
  };
  const show = (problem: SignInProblem, name?: keyof SignInInput) => {
    const target = name ? fields[name] : undefined;
    const text = problemWords(problem);
    if (target) {
      target.error.textContent = text;
      target.error.hidden = false;
      target.input.setAttribute('aria-invalid', 'true');
      target.input.focus();
    } else {
      message.textContent = text;
      message.hidden = false;
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearProblems();
    notice.hidden = true;
    const input: SignInInput = {
      userId: fields.userId.input.value.trim(), password: fields.password.input.value, extension: fields.extension.input.value.trim(),
    };
    const problems = checkSignInInput(input);
    for (const { field: name, problem } of [...problems].reverse()) show(problem, name); // focus ends on the first
    if (problems.length > 0) return;
    remember(input.extension);
    onSubmit(input);
  });

  return {
    element,
    showProblem(problem, name) {
      if (problem.kind === 'wrong-password') fields.password.input.value = '';
      show(problem, name);
      if (!name) (problem.kind === 'wrong-password' ? fields.password.input : submit).focus();
    },
    showNotice(text) { notice.textContent = text; notice.hidden = false; },
    setBusy(busy, text = 'Signing in…') {
      submit.disabled = busy;
      submit.textContent = busy ? text : 'Sign In';
      form.setAttribute('aria-busy', String(busy));
    },
    focusFirst() { (fields.userId.input.value ? fields.password.input : fields.userId.input).focus(); },
  };
}
