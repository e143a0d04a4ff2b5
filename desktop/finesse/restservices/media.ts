// finesse.restservices.Media and MediaList (desktop-and-gadgets.md §5, "later releases … getMediaList — SHOULD";
// Finesse's Media API, `GET /finesse/api/User/{id}/Media` → `<MediaList><Media>…`): a user's state in each
// non-voice Media Routing Domain. Non-voice MRDs are a CCE feature; Poise, like a UCCX node, has none and answers the
// resource 404 (rest-api.md §3). So a 404 loads an empty list, which is what a gadget walking the MRDs
// (TaskManagement) needs to carry on with voice only. That reading of the 404 is Poise's inference.
import { RestBase, textOf } from './rest-base.ts';
import { RestCollectionBase, type ItemConstructor } from './rest-collection.ts';
import type { RestResponse } from './rest-request.ts';

export class Media extends RestBase {
  override getRestType(): string { return 'Media'; }
  // An item's own node (`/User/{id}/Media/{mrdId}`) exists only where MRDs do; the list keeps items up to date.
  override supportsSubscriptions(): boolean { return false; }
  override getRestUrl(): string { return textOf(this._data?.uri) || super.getRestUrl(); }

  #field(name: string): string { return textOf(this._data?.[name]); }
  /** The Media Routing Domain's id. */
  getMediaId(): string { return this.getId(); }
  getName(): string { return this.#field('name'); }
  getDescription(): string { return this.#field('description'); }
  getState(): string { return this.#field('state'); }
  getStateChangeTime(): string { return this.#field('stateChangeTime'); }
  getReasonCodeId(): string { return this.#field('reasonCodeId'); }
  getMaxDialogLimit(): string { return this.#field('maxDialogLimit'); }
  getInterruptAction(): string { return this.#field('interruptAction'); }
  getDialogLogoutAction(): string { return this.#field('dialogLogoutAction'); }
  getInterruptible(): boolean { return this.#field('interruptible') === 'true'; }
  isRoutable(): boolean { return this.#field('routable') === 'true'; }
  /** Signed in to this MRD: it reports a state other than LOGOUT. */
  isLoggedIn(): boolean { return this.getState() !== '' && this.getState() !== 'LOGOUT'; }
}

export class MediaList extends RestCollectionBase<Media> {
  override getRestType(): string { return 'Media'; }
  override getXmlRoot(): string { return 'MediaList'; }
  override notificationKey(): string { return 'mediaList'; }
  override getRestItemType(): string { return 'Media'; }
  override getRestItemClass(): ItemConstructor { return Media; }

  protected override _get(onError: (rsp: RestResponse) => void): void {
    super._get((rsp) => (rsp.status === 404 ? this.applyChange({}) : onError(rsp)));
  }
}
