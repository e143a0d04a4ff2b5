// finesse.restservices.Users: the `/finesse/api/Users` list (administrators), read with GET.
import { RestCollectionBase, type ItemConstructor } from './rest-collection.ts';
import { User } from './user.ts';
import { textOf } from './rest-base.ts';
import type { XmlJsObject } from '../utilities/xml2js.ts';

export class Users extends RestCollectionBase<User> {
  override getRestType(): string { return 'Users'; }
  override getRestItemType(): string { return 'User'; }
  override getRestItemClass(): ItemConstructor { return User; }
  override supportsSubscriptions(): boolean { return false; }
  override itemIdOf(raw: XmlJsObject): string { return textOf(raw.loginId) || super.itemIdOf(raw); }
}
