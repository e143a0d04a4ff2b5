// finesse.restservices.Team and Teams (desktop-and-gadgets.md §5; rest-api.md §5.1): a team with its members,
// followed on the explicit node `/finesse/api/Team/{id}/Users` (supervisors).
import { Utilities } from '../utilities/utilities.ts';
import type { XmlJsObject } from '../utilities/xml2js.ts';
import { isObject, RestBase, textOf, type RestOptions } from './rest-base.ts';
import { RestCollectionBase, type ItemConstructor } from './rest-collection.ts';
import { User } from './user.ts';
import {
  PhoneBooks, ReasonCodes, TeamLayoutConfig, WrapUpReasons, Workflows,
} from './configuration.ts';

/** The members of a team, kept from its Users node; item changes arrive as PUTs from `/finesse/api/User/{id}`. */
export class TeamUsers extends RestCollectionBase<User> {
  override getRestType(): string { return 'Users'; }
  override getRestItemType(): string { return 'User'; }
  override getRestItemClass(): ItemConstructor { return User; }
  override explicitSubscription(): boolean { return true; }
  override itemIdOf(raw: XmlJsObject): string { return textOf(raw.loginId) || super.itemIdOf(raw); }
  // There is no GET of `/Team/{id}/Users`: the members come from the Team (rest-api.md §5.1).
  override getXmlRoot(): string { return 'Team'; }
  protected override _setData(data: XmlJsObject): void {
    super._setData(isObject(data.users) ? data.users : data);
  }
  override getRestUrl(): string { return this._parent?.getRestUrl() ?? ''; }
  override getNode(): string { return `${this.getRestUrl()}/Users`; }
}

export class Team extends RestBase {
  #users?: TeamUsers;
  override getRestType(): string { return 'Team'; }
  override supportsSubscriptions(): boolean { return false; } // its members are followed by getUsers()
  getName(): string { return textOf(this._data?.name); }
  /** The team's members, kept up to date from the team's Users node. */
  getUsers(options: RestOptions = {}): TeamUsers {
    this.#users ??= new TeamUsers({ ...options, parentObj: this });
    return this.#users;
  }
  getTeamNotReadyReasonCodes(options: RestOptions = {}): ReasonCodes { return new ReasonCodes({ ...options, parentObj: this }, 'NOT_READY'); }
  getTeamSignOutReasonCodes(options: RestOptions = {}): ReasonCodes { return new ReasonCodes({ ...options, parentObj: this }, 'LOGOUT'); }
  getTeamWrapUpReasons(options: RestOptions = {}): WrapUpReasons { return new WrapUpReasons({ ...options, parentObj: this }); }
  getTeamPhoneBooks(options: RestOptions = {}): PhoneBooks { return new PhoneBooks({ ...options, parentObj: this }); }
  getTeamWorkflows(options: RestOptions = {}): Workflows { return new Workflows({ ...options, parentObj: this }); }
  getTeamLayoutConfig(options: RestOptions = {}): TeamLayoutConfig { return new TeamLayoutConfig({ ...options, parentObj: this }); }
  /** The raw member list as last read. */
  getUserList(): XmlJsObject[] {
    const users = this._data?.users;
    return isObject(users) ? Utilities.getArray(users.User).filter(isObject) : [];
  }
}

export class Teams extends RestCollectionBase<Team> {
  override getRestType(): string { return 'Teams'; }
  override getRestItemType(): string { return 'Team'; }
  override getRestItemClass(): ItemConstructor { return Team; }
  override supportsSubscriptions(): boolean { return false; }
}
