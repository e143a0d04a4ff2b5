// The container page from load to sign-out (desktop-and-gadgets.md §1): DesktopConfig, the sign-in form, the
// sign-in steps, the layout of the user's role, and back to the form when the user is signed out.
import { loadDesktopConfig, type DesktopConfig } from './desktop-config.ts';
import { renderDesktop, type DesktopView } from './desktop-view.ts';
import type { FinesseLibrary, FinesseUser } from './finesse-api.ts';
import { gadgetPrefs } from './gadget-prefs.ts';
import type { MountGadget, PageHub } from './hub-types.ts';
import { layoutForRole } from './layout-model.ts';
import { loadLayout } from './layout-source.ts';
import { watchLogin } from './login-outcome.ts';
import { becomeMaster } from './master.ts';
import { loadReasonCodes } from './reason-codes.ts';
import { checkCredentials, forgetCredentials, keepCredentials, loadSystemInfo, putLogin } from './sign-in.ts';
import { guardAgainstNodeLoss } from './failover-guard.ts';
import { redeemTicket, takeTicketFromLocation } from './failover-ticket.ts';
import { h } from './dom.ts';
import { signInForm, type SignInForm } from './sign-in-form.ts';
import { WorkflowRunner } from './workflows/workflow-runner.ts';
import type { SignInInput, SignInProblem } from './sign-in-input.ts';

export interface AppOptions {
  root: HTMLElement;
  hub: PageHub;
  mountGadget: MountGadget;
  installGadgets: (prefs: Record<string, string>) => Promise<void>;
  locale: string;
  finesseScript: string;
}

const NOTICE_KEY = 'poise.desktop.notice';
const CONNECT_TIMEOUT_MS = 20_000;
const LOGIN_TIMEOUT_MS = 10_000;
const USER_LOAD_TIMEOUT_MS = 10_000;
const LOGOUT_WAIT_MS = 5_000;

class SignInFailure extends Error {
  constructor(readonly problem: SignInProblem) { super(problem.kind); }
}

const failWith = (problem: SignInProblem): never => { throw new SignInFailure(problem); };

/** What runSignIn tells the user while it works: the form, or the view of a desktop moving in from the peer. */
type BusyView = Pick<SignInForm, 'setBusy'>;

export async function startApp(options: AppOptions): Promise<void> {
  // A desktop moving in from the other node (docs/failover.md, "The desktop moves"): the ticket leaves the address
  // bar first, and the form is not shown unless the ticket or the sign-in it carries fails.
  const movingTicket = takeTicketFromLocation();
  const form = signInForm('Sign in to Poise', (input) => void signIn(input));
  const moving = movingView();
  const showForm = (): void => {
    options.root.replaceChildren(form.element);
    form.focusFirst();
  };
  if (movingTicket === undefined) showForm();
  else options.root.replaceChildren(moving.element);
  const notice = sessionStorage.getItem(NOTICE_KEY);
  if (notice) { sessionStorage.removeItem(NOTICE_KEY); form.showNotice(notice); }
  // The master (tunnel, library, User object) lives as long as the page: a second try by the same user after a
  // failure reuses it; another user gets a fresh page, since the tunnel is signed in as the first.
  let master: { finesse: FinesseLibrary; userId: string; user?: FinesseUser } | undefined;
  const userEvents = new Set<() => void>();

  let config: DesktopConfig | undefined;
  try {
    config = await loadDesktopConfig();
    if (config.redirectToAlternateHost && config.alternateHost) {
      location.assign(`https://${config.alternateHost}/desktop/container/?locale=${encodeURIComponent(options.locale)}`);
      return;
    }
  } catch {
    if (movingTicket === undefined) form.showProblem({ kind: 'unreachable' });
  }
  if (movingTicket !== undefined) void moveIn(movingTicket);

  async function signIn(input: SignInInput): Promise<void> {
    form.setBusy(true);
    try {
      await runSignIn(input, form);
    } catch (err) {
      forgetCredentials(); // kept for gadgets only once the user is signed in
      form.setBusy(false);
      form.showProblem(err instanceof SignInFailure ? err.problem : { kind: 'unexpected', detail: String(err) });
    }
  }

  /** Redeems the ticket and signs in with what it carries; any failure ends on the form, in plain words. */
  async function moveIn(ticket: string): Promise<void> {
    const redeemed = ticket ? await redeemTicket(ticket) : { ok: false as const, message: 'The failover ticket is not valid.' };
    if (!redeemed.ok) {
      showForm();
      form.showNotice(`Your desktop moved to this node but could not sign you in by itself: ${redeemed.message} Sign in again.`);
      return;
    }
    try {
      await runSignIn(redeemed.input, moving);
    } catch (err) {
      forgetCredentials();
      showForm();
      form.showProblem(err instanceof SignInFailure ? err.problem : { kind: 'unexpected', detail: String(err) });
    }
  }

  async function runSignIn(input: SignInInput, signInView: BusyView): Promise<void> {
    config = await loadDesktopConfig().catch(() => failWith({ kind: 'unreachable' }));
    if (config.systemStatus !== 'IN_SERVICE') failWith({ kind: 'engine-down' });
    const checked = await checkCredentials(input);
    if (!checked.ok) return failWith(checked.problem);
    const record = checked.value;
    keepCredentials(record.auth);
    const info = await loadSystemInfo();
    if (!info.ok) return failWith(info.problem);
    const prefs = gadgetPrefs({
      userId: record.id, extension: input.extension, teamId: record.teamId, teamName: record.teamName,
      locale: options.locale,
      page: { scheme: location.protocol === 'https:' ? 'https' : 'http', hostname: location.hostname, port: location.port },
      xmppDomain: info.value.xmppDomain || config.xmppDomain, pubsubDomain: info.value.pubsubDomain || config.pubsubDomain,
      webHttpPort: config.webHttpPort, systemAuthMode: config.systemAuthMode, deploymentType: config.deploymentType,
      clientDriftMs: info.value.clientDriftMs,
    });
    if (master && master.userId !== record.id) {
      forgetCredentials();
      sessionStorage.setItem(NOTICE_KEY, `Sign in again as ${record.id}.`);
      location.reload();
      return;
    }
    signInView.setBusy(true, 'Connecting…');
    master ??= {
      userId: record.id,
      finesse: await becomeMaster({
        hub: options.hub, installGadgets: options.installGadgets, prefs, userId: record.id, password: input.password,
        auth: record.auth, xmppDomain: prefs.xmppDomain ?? '', pubsubDomain: prefs.pubsubDomain ?? '',
        tunnelUrl: config.tunnelUrl, transport: config.xmppTransport, finesseScript: options.finesseScript, timeoutMs: CONNECT_TIMEOUT_MS,
      }).catch(() => failWith({ kind: 'unreachable' })),
    };
    const user = master.user ?? await loadUser(master.finesse, record.id, () => { for (const listener of userEvents) listener(); });
    master.user = user;
    signInView.setBusy(true, 'Signing in…');
    const watch = watchLogin(options.hub, record.id, LOGIN_TIMEOUT_MS);
    const put = await putLogin(record, input.extension);
    if (!put.ok) { watch.cancel(); return failWith(put.problem); }
    const outcome = await watch.accepted(put.value);
    if (!outcome.ok) return failWith(outcome.problem);

    const role = record.roles.includes('Supervisor') ? 'Supervisor' : 'Agent';
    const layoutResult = await loadLayout(record.teamId, record.auth);
    if (!layoutResult.ok) return failWith({ kind: 'layout', detail: layoutResult.error });
    const roleLayout = layoutForRole(layoutResult.layout, role);
    if (!roleLayout) return failWith({ kind: 'layout', detail: `it has no ${role} layout` });
    const [notReadyReasons, logoutReasons] = await Promise.all([
      loadReasonCodes(record.id, record.auth, 'NOT_READY'), loadReasonCodes(record.id, record.auth, 'LOGOUT'),
    ]);
    let signingOut = false;
    const view: DesktopView = renderDesktop({
      root: options.root, hub: options.hub, mountGadget: options.mountGadget, layout: roleLayout,
      configs: layoutResult.layout.configs, user, extension: input.extension, prefs, notReadyReasons, logoutReasons,
      onSignedOut: () => {
        signingOut = true;
        // Leave once the LOGOUT notification is in, or after a short wait if it does not come.
        setTimeout(() => endSession(view, 'You have signed out.'), user.getState() === 'LOGOUT' ? 0 : LOGOUT_WAIT_MS);
      },
    });
    const workflows = new WorkflowRunner({ hub: options.hub, userId: record.id, extension: input.extension, auth: record.auth });
    userEvents.add(() => {
      view.userChanged();
      if (user.getState() === 'LOGOUT') workflows.close();
      if (user.getState() === 'LOGOUT') endSession(view, signingOut ? 'You have signed out.' : 'You were signed out.');
    });
    const { finesse } = master;
    guardAgainstNodeLoss({
      hub: options.hub, auth: record.auth, extension: input.extension, locale: options.locale,
      nodes: info.value.nodes, ownNames: [info.value.xmppDomain, location.hostname],
      setFailoverMode: (failing) => finesse.clientservices.ClientServices.setFailoverMode?.(failing),
      moveTo: (url) => { view.close(); location.assign(url); },
    });
  }
}

/** Shown instead of the form while a desktop that moved in from the other node signs in. */
function movingView(): BusyView & { element: HTMLElement } {
  const text = h('p', { class: 'form-notice', id: 'moving-status', role: 'status' }, 'Your desktop is moving to this node…');
  const element = h('div', { class: 'signin-form', id: 'moving-in' }, h('h1', {}, 'Poise'), text);
  return { element, setBusy: (_busy, words) => { if (words) text.textContent = `Your desktop is moving to this node: ${words}`; } };
}

let ended = false;

/** Back to the form: a fresh page drops the gadgets, the hub and the XMPP connection together. */
function endSession(view: DesktopView, notice: string): void {
  if (ended) return;
  ended = true;
  view.close();
  forgetCredentials();
  sessionStorage.setItem(NOTICE_KEY, notice);
  location.reload();
}

/** The library's User object, once loaded; its later changes go to onChange. */
function loadUser(finesse: FinesseLibrary, id: string, onChange: () => void): Promise<FinesseUser> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new SignInFailure({ kind: 'engine-down' })), USER_LOAD_TIMEOUT_MS);
    new finesse.restservices.User({
      id,
      onLoad: (user) => { clearTimeout(timer); resolve(user); },
      onChange: () => onChange(),
      onError: () => { clearTimeout(timer); reject(new SignInFailure({ kind: 'unexpected', detail: 'your user could not be read' })); },
    });
  });
}
