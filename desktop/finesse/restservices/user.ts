// finesse.restservices.User (desktop-and-gadgets.md §5; rest-api.md §3): the signed-in agent or supervisor, on
// its implicit node `/finesse/api/User/{id}`.
import { Utilities } from '../utilities/utilities.ts';
import type { XmlJsObject } from '../utilities/xml2js.ts';
import { Dialog, Dialogs } from './dialog.ts';
import { isObject, RestBase, textOf, type RestOptions } from './rest-base.ts';
import type { RestHandlers } from './rest-request.ts';
import { Queues } from './queue.ts';
import { MediaList } from './media.ts';
import {
  MediaPropertiesLayout, MediaPropertiesLayouts, PhoneBooks, ReasonCode, ReasonCodes, WrapUpReasons, Workflows,
} from './configuration.ts';

const States = {
  LOGIN: 'LOGIN', LOGOUT: 'LOGOUT', NOT_READY: 'NOT_READY', READY: 'READY', RESERVED: 'RESERVED',
  RESERVED_OUTBOUND: 'RESERVED_OUTBOUND', RESERVED_OUTBOUND_PREVIEW: 'RESERVED_OUTBOUND_PREVIEW', TALKING: 'TALKING',
  HOLD: 'HOLD', WORK: 'WORK', WORK_READY: 'WORK_READY',
} as const;

export class User extends RestBase {
  static readonly States = States;
  #dialogs?: Dialogs;
  #mediaList?: MediaList;

  override getRestType(): string { return 'User'; }
  protected override _idFromData(data: XmlJsObject): string { return textOf(data.loginId) || super._idFromData(data); }

  #field(name: string): string { return textOf(this._data?.[name]); }
  getFirstName(): string { return this.#field('firstName'); }
  getLastName(): string { return this.#field('lastName'); }
  getLoginName(): string { return this.#field('loginName'); }
  getExtension(): string { return this.#field('extension'); }
  getTeamId(): string { return this.#field('teamId'); }
  getTeamName(): string { return this.#field('teamName'); }
  getState(): string { return this.#field('state'); }
  getPendingState(): string { return this.#field('pendingState'); }
  getStateChangeTime(): string { return this.#field('stateChangeTime'); }
  getNotReadyReasonCodeId(): string { return this.#field('reasonCodeId'); }
  getMediaType(): string { return this.#field('mediaType'); }
  getReasonCode(): XmlJsObject | undefined { return isObject(this._data?.reasonCode) ? this._data.reasonCode : undefined; }
  getReasonCodeLabel(): string { return textOf(this.getReasonCode()?.label); }
  getRoles(): string[] {
    const roles = this._data?.roles;
    return isObject(roles) ? Utilities.getArray(roles.role).map(textOf) : [];
  }
  hasAgentRole(): boolean { return this.getRoles().includes('Agent'); }
  hasSupervisorRole(): boolean { return this.getRoles().includes('Supervisor'); }
  /** `[{id, name, uri}]` of the teams a supervisor supervises. */
  getSupervisedTeams(): { id: string; name: string; uri: string }[] {
    const teams = this._data?.teams;
    return (isObject(teams) ? Utilities.getArray(teams.Team) : []).filter(isObject)
      .map((t) => ({ id: textOf(t.id), name: textOf(t.name), uri: textOf(t.uri) }));
  }
  isWrapUp(): boolean { return this.getState() === States.WORK || this.getState() === States.WORK_READY; }
  isMobileAgent(): boolean { return this.#field('mobileAgent') !== '' && isObject(this._data?.mobileAgent); }
  /**
   * The agent's active device (desktop-and-gadgets.md §5, SHOULD): the User's `activeDeviceId`, which only CCE
   * deployments with device selection send; Poise omits it (rest-api.md §3), so it is '' here (inferred: no device
   * to choose between).
   */
  getActiveDeviceId(): string { return this.#field('activeDeviceId'); }
  /**
   * The devices of the agent's extension, `[{deviceId, deviceType, deviceTypeName}]` (the JTAPI type and its name),
   * from the User's `devices/device` list; empty where the User has none, as on Poise (inferred, as above).
   */
  getDevices(): { deviceId: string; deviceType: string; deviceTypeName: string }[] {
    const devices = this._data?.devices;
    return (isObject(devices) ? Utilities.getArray(devices.device) : []).filter(isObject)
      .map((d) => ({ deviceId: textOf(d.deviceId), deviceType: textOf(d.deviceType), deviceTypeName: textOf(d.deviceTypeName) }));
  }
  getWrapUpOnIncoming(): string { return isObject(this._data?.settings) ? textOf(this._data.settings.wrapUpOnIncoming) : ''; }

  setState(state: string, reasonCode?: { id?: string } | RestHandlers, handlers?: RestHandlers): this {
    // setState(state, handlers) is also accepted: a reason code has an id, a handler object does not.
    const hasReason = isObject(reasonCode) && 'id' in reasonCode && reasonCode.id !== undefined && reasonCode.id !== '';
    const h = hasReason ? handlers : handlers ?? (reasonCode as RestHandlers | undefined);
    const User: XmlJsObject = { state };
    if (hasReason) User.reasonCodeId = String((reasonCode as { id: string }).id);
    return this._write('PUT', { User }, h);
  }

  login(extension: string, handlers?: RestHandlers): this {
    return this._write('PUT', { User: { state: States.LOGIN, extension } }, handlers);
  }

  loginMobileAgent(extension: string, mode: string, dialNumber: string, handlers?: RestHandlers): this {
    return this._write('PUT', { User: { state: States.LOGIN, extension, mobileAgent: { mode, dialNumber } } }, handlers);
  }

  logout(reasonCode?: { id?: string } | RestHandlers, handlers?: RestHandlers): this {
    return this.setState(States.LOGOUT, reasonCode, handlers);
  }

  makeCall(toAddress: string, handlers?: RestHandlers): this {
    return this._write('POST', { Dialog: { requestedAction: Dialog.Actions.MAKE_CALL, toAddress, fromAddress: this.getExtension() } },
      handlers, `${this.getRestUrl()}/Dialogs`);
  }

  makeSMCall(toAddress: string, handlers?: RestHandlers): this {
    return this._write('POST', { Dialog: { requestedAction: 'SILENT_MONITOR', toAddress, fromAddress: this.getExtension() } },
      handlers, `${this.getRestUrl()}/Dialogs`);
  }

  makeBargeCall(toAddress: string, associatedDialogUri: string, handlers?: RestHandlers): this {
    return this._write('POST', { Dialog: { requestedAction: Dialog.Actions.BARGE_CALL, toAddress, fromAddress: this.getExtension(), associatedDialogUri } },
      handlers, `${this.getRestUrl()}/Dialogs`);
  }

  /** The user's calls, kept up to date from `/User/{id}/Dialogs`; one list per User object. */
  getDialogs(options: RestOptions = {}): Dialogs {
    if (!this.#dialogs) {
      this.#dialogs = new Dialogs({ ...options, parentObj: this });
    } else {
      for (const type of ['load', 'change', 'collectionAdd', 'collectionDelete'] as const) {
        const key = `on${type.charAt(0).toUpperCase()}${type.slice(1)}` as keyof RestOptions;
        const cb = options[key];
        if (typeof cb === 'function') this.#dialogs.addHandler(type, cb as (subject: unknown) => void);
      }
    }
    return this.#dialogs;
  }

  /** The user's non-voice media (media.ts); one list per User object, later handlers added to it. */
  getMediaList(options: RestOptions = {}): MediaList {
    if (!this.#mediaList) {
      this.#mediaList = new MediaList({ ...options, parentObj: this });
      return this.#mediaList;
    }
    for (const type of ['load', 'change', 'collectionAdd', 'collectionDelete', 'error'] as const) {
      const key = `on${type.charAt(0).toUpperCase()}${type.slice(1)}` as keyof RestOptions;
      const cb = options[key];
      if (typeof cb === 'function') this.#mediaList.addHandler(type, cb as (subject: unknown) => void);
    }
    return this.#mediaList;
  }

  getQueues(options: RestOptions = {}): Queues { return new Queues({ ...options, parentObj: this }); }
  getWrapUpReasons(options: RestOptions = {}): WrapUpReasons { return new WrapUpReasons({ ...options, parentObj: this }); }
  getPhoneBooks(options: RestOptions = {}): PhoneBooks { return new PhoneBooks({ ...options, parentObj: this }); }
  loadWorkflows(options: RestOptions = {}): Workflows { return new Workflows({ ...options, parentObj: this }); }
  getMediaPropertiesLayout(options: RestOptions = {}): MediaPropertiesLayout {
    return new MediaPropertiesLayout({ ...options, parentObj: this });
  }
  getMediaPropertiesLayouts(options: RestOptions = {}): MediaPropertiesLayouts {
    return new MediaPropertiesLayouts({ ...options, parentObj: this });
  }
  getNotReadyReasonCodes(options: RestOptions = {}): ReasonCodes {
    return new ReasonCodes({ ...options, parentObj: this }, 'NOT_READY');
  }
  getSignoutReasonCodes(options: RestOptions = {}): ReasonCodes {
    return new ReasonCodes({ ...options, parentObj: this }, 'LOGOUT');
  }
  getReasonCodeById(options: RestOptions, id: string): ReasonCode { return new ReasonCode({ ...options, id }); }
}
