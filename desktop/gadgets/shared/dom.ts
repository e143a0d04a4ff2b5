// A tiny element builder: gadgets render plain DOM with real buttons and labels, no framework.

type Child = Node | string | number | null | undefined | false;
type PropValue = string | number | boolean | undefined | null | ((event: Event) => void);

/**
 * `h('button', { class: 'primary', 'data-action': 'ANSWER', onclick: answer }, 'Answer')`. Keys starting with
 * `on` are listeners; `true` sets an empty attribute; false, null and undefined leave it out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, PropValue> = {},
                                                         ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (key === 'value' && 'value' in element) (element as HTMLInputElement).value = String(value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/**
 * Replaces the children of `root`, keeping keyboard focus and the caret on the element with the same id, so a
 * re-render while the user types or tabs loses nothing. When that element is gone (Hold became Retrieve), focus
 * moves to the first enabled control of its nearest container that is still there, never to the page's body.
 */
export function replaceContent(root: HTMLElement, children: readonly Child[]): void {
  const active = document.activeElement;
  const focused = active instanceof HTMLElement && root.contains(active) && active !== root ? active : undefined;
  const caret = focused instanceof HTMLInputElement ? focused.selectionStart : null;
  const containers: string[] = [];
  for (let node = focused?.parentElement; node && node !== root; node = node.parentElement) if (node.id) containers.push(node.id);
  root.replaceChildren();
  append(root, children);
  if (!focused) return;
  const again = focused.id ? document.getElementById(focused.id) : null;
  if (again && !again.matches(':disabled')) {
    again.focus();
    if (again instanceof HTMLInputElement && caret !== null) {
      try { again.setSelectionRange(caret, caret); } catch { /* not a text input */ }
    }
    return;
  }
  for (const id of [...containers, root.id]) {
    const container = id ? document.getElementById(id) : null;
    const target = container?.querySelector<HTMLElement>('button:not([disabled]), input:not([disabled]), select:not([disabled])');
    if (target) { target.focus(); return; }
  }
}
