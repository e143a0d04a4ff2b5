// The administration console at /cfadmin/: sign-in, then one section per kind of configuration, each editing it
// through the REST API so that the API's rules and errors apply unchanged.
import '../gadgets/shared/gadget.css';
import './admin.css';
import { h, replaceContent } from '../gadgets/shared/dom.ts';
import type { AdminApi } from './api.ts';
import type { Section } from './section.ts';
import { signIn } from './sign-in.ts';
import { desktopLayoutsSection } from './sections/desktop-layouts.ts';
import { mediaLayoutsSection } from './sections/media-layouts.ts';
import { phoneBooksSection } from './sections/phone-books.ts';
import { proxyAllowListSection } from './sections/proxy-allow-list.ts';
import { reasonCodesSection } from './sections/reason-codes.ts';
import { teamResourcesSection } from './sections/team-resources.ts';
import { workflowActionsSection, workflowsSection } from './sections/workflows.ts';
import { wrapUpReasonsSection } from './sections/wrap-up-reasons.ts';

const SECTIONS: readonly Section[] = [
  reasonCodesSection, wrapUpReasonsSection, phoneBooksSection, workflowsSection, workflowActionsSection,
  mediaLayoutsSection, desktopLayoutsSection, teamResourcesSection, proxyAllowListSection,
];

function showConsole(root: HTMLElement, api: AdminApi): void {
  const title = h('h2', { id: 'section-title', tabindex: '-1' });
  const body = h('div', { class: 'admin-section', 'aria-labelledby': 'section-title' });
  const nav = h('nav', { class: 'admin-nav', 'aria-label': 'Configuration' });
  const open = (section: Section) => {
    for (const button of nav.querySelectorAll('button')) {
      button.setAttribute('aria-current', String(button.dataset.section === section.id));
    }
    title.textContent = section.title;
    history.replaceState(null, '', `#${section.id}`);
    body.replaceChildren(h('p', { class: 'poise-muted' }, 'Loading…'));
    void section.open(body, api);
  };
  for (const section of SECTIONS) {
    nav.append(h('button', { type: 'button', 'data-section': section.id, onclick: () => { open(section); title.focus(); } }, section.title));
  }
  replaceContent(root, [
    h('header', { class: 'admin-header' }, h('h1', {}, 'Poise Administration'),
      h('span', { class: 'poise-muted' }, `Signed in as ${api.id}`),
      h('button', { type: 'button', 'data-action': 'sign-out', onclick: () => { location.hash = ''; location.reload(); } }, 'Sign out')),
    h('div', { class: 'admin-layout' }, nav, h('main', {}, title, body)),
  ]);
  open(SECTIONS.find((s) => `#${s.id}` === location.hash) ?? SECTIONS[0]!);
}

const root = document.getElementById('poise-admin') ?? document.body;
void signIn(root).then((api) => showConsole(root, api));
