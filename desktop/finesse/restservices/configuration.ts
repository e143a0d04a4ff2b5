// The configuration objects a desktop reads (desktop-and-gadgets.md §5; rest-api.md §6, §7): reason codes,
// wrap-up reasons, phone books and contacts, workflows and their actions, media properties and desktop layouts.
// None has a node: they are read with GET and written by administrators.
import { Utilities } from '../utilities/utilities.ts';
import { isObject, RestBase, textOf, type RestOptions } from './rest-base.ts';
import { RestCollectionBase, type ItemConstructor } from './rest-collection.ts';
import type { RestHandlers, RestResponse } from './rest-request.ts';

/** A configuration object: no node; `{success, error}` in the options is called once with the load. */
class ConfigurationBase extends RestBase {
  constructor(options: RestOptions & RestHandlers = {}) {
    super(options);
    if (typeof options.success === 'function' || typeof options.error === 'function') {
      const { success, error } = options;
      this.addHandler('load', () => success?.(this.handlerValue() as RestResponse));
      this.addHandler('error', (rsp) => error?.(rsp as RestResponse));
    }
  }
  override supportsSubscriptions(): boolean { return false; }
  /** What a `success` handler receives: the object itself, lists their items' data. */
  handlerValue(): unknown { return this; }
}

class ConfigurationList<Item extends RestBase> extends RestCollectionBase<Item> {
  constructor(options: RestOptions & RestHandlers = {}) {
    super(options);
    if (typeof options.success === 'function' || typeof options.error === 'function') {
      const { success, error } = options;
      this.addHandler('load', () => success?.(this.handlerValue() as RestResponse));
      this.addHandler('error', (rsp) => error?.(rsp as RestResponse));
    }
  }
  override supportsSubscriptions(): boolean { return false; }
  handlerValue(): unknown { return this; }
}

const field = (o: RestBase, name: string): string => textOf(o.getData()?.[name]);

export class ReasonCode extends ConfigurationBase {
  override getRestType(): string { return 'ReasonCode'; }
  getCategory(): string { return field(this, 'category'); }
  getCode(): string { return field(this, 'code'); }
  getLabel(): string { return field(this, 'label'); }
  getForAll(): boolean { return field(this, 'forAll') === 'true'; }
  isSystemCode(): boolean { return field(this, 'systemCode') === 'true'; }
}

/** A user's NOT_READY or LOGOUT reason codes; `success` receives `[{id, category, code, label, forAll, uri}]`. */
export class ReasonCodes extends ConfigurationList<ReasonCode> {
  readonly #category: string | undefined;
  constructor(options: RestOptions & RestHandlers = {}, category?: string) {
    super(options);
    this.#category = category;
  }
  override getRestType(): string { return 'ReasonCodes'; }
  override getRestItemType(): string { return 'ReasonCode'; }
  override getRestItemClass(): ItemConstructor { return ReasonCode; }
  override getRestUrl(): string {
    return `${super.getRestUrl()}${this.#category ? `?category=${encodeURIComponent(this.#category)}` : ''}`;
  }
  override handlerValue(): unknown {
    return this.getItems().map((r) => ({ ...r.getData(), id: r.getId() }));
  }
}

export class WrapUpReason extends ConfigurationBase {
  override getRestType(): string { return 'WrapUpReason'; }
  getLabel(): string { return field(this, 'label'); }
  getForAll(): boolean { return field(this, 'forAll') === 'true'; }
}
export class WrapUpReasons extends ConfigurationList<WrapUpReason> {
  override getRestType(): string { return 'WrapUpReasons'; }
  override getRestItemType(): string { return 'WrapUpReason'; }
  override getRestItemClass(): ItemConstructor { return WrapUpReason; }
}

export class Contact extends ConfigurationBase {
  override getRestType(): string { return 'Contact'; }
  getFirstName(): string { return field(this, 'firstName'); }
  getLastName(): string { return field(this, 'lastName'); }
  getPhoneNumber(): string { return field(this, 'phoneNumber'); }
  getDescription(): string { return field(this, 'description'); }
}
export class Contacts extends ConfigurationList<Contact> {
  override getRestType(): string { return 'Contacts'; }
  override getRestItemType(): string { return 'Contact'; }
  override getRestItemClass(): ItemConstructor { return Contact; }
}

export class PhoneBook extends ConfigurationBase {
  override getRestType(): string { return 'PhoneBook'; }
  getName(): string { return field(this, 'name'); }
  getType(): string { return field(this, 'type'); }
  getContacts(options: RestOptions = {}): Contacts { return new Contacts({ ...options, parentObj: this }); }
}
export class PhoneBooks extends ConfigurationList<PhoneBook> {
  override getRestType(): string { return 'PhoneBooks'; }
  override getRestItemType(): string { return 'PhoneBook'; }
  override getRestItemClass(): ItemConstructor { return PhoneBook; }
}

export class WorkflowAction extends ConfigurationBase {
  override getRestType(): string { return 'WorkflowAction'; }
  getName(): string { return field(this, 'name'); }
  getType(): string { return field(this, 'type'); }
  getHandledBy(): string { return field(this, 'handledBy'); }
  getParams(): unknown[] { const p = this.getData()?.params; return isObject(p) ? Utilities.getArray(p.Param) : []; }
  getActionVariables(): unknown[] {
    const v = this.getData()?.actionVariables;
    return isObject(v) ? Utilities.getArray(v.ActionVariable) : [];
  }
}
export class WorkflowActions extends ConfigurationList<WorkflowAction> {
  override getRestType(): string { return 'WorkflowActions'; }
  override getRestItemType(): string { return 'WorkflowAction'; }
  override getRestItemClass(): ItemConstructor { return WorkflowAction; }
}

export class Workflow extends ConfigurationBase {
  override getRestType(): string { return 'Workflow'; }
  getName(): string { return field(this, 'name'); }
  getDescription(): string { return field(this, 'description'); }
}
export class Workflows extends ConfigurationList<Workflow> {
  override getRestType(): string { return 'Workflows'; }
  override getRestItemType(): string { return 'Workflow'; }
  override getRestItemClass(): ItemConstructor { return Workflow; }
}

export class MediaPropertiesLayout extends ConfigurationBase {
  override getRestType(): string { return 'MediaPropertiesLayout'; }
  override getRestUrl(): string {
    return this._parent || this._id ? super.getRestUrl() : '/finesse/api/MediaPropertiesLayout/default';
  }
  getName(): string { return field(this, 'name'); }
}

/** The layouts a user may be shown (rest-api.md §7): a call's ECC variable user.layout picks one by name. */
export class MediaPropertiesLayouts extends ConfigurationList<MediaPropertiesLayout> {
  override getRestType(): string { return 'MediaPropertiesLayouts'; }
  override getRestItemType(): string { return 'MediaPropertiesLayout'; }
  override getRestItemClass(): ItemConstructor { return MediaPropertiesLayout; }
}

export class LayoutConfig extends ConfigurationBase {
  override getRestType(): string { return 'LayoutConfig'; }
  override getRestUrl(): string { return this._parent ? super.getRestUrl() : `/finesse/api/LayoutConfig/${this._id || 'default'}`; }
  /** The finesseLayout XML, unescaped (rest-api.md §7). */
  getLayoutXml(): string { return field(this, 'layoutxml'); }
  update(layoutxml: string, handlers?: RestHandlers): this {
    return this._write('PUT', { LayoutConfig: { layoutxml } }, handlers);
  }
}

export class TeamLayoutConfig extends ConfigurationBase {
  override getRestType(): string { return 'LayoutConfig'; }
  getLayoutXml(): string { return field(this, 'layoutxml'); }
  getUseDefault(): boolean { return field(this, 'useDefault') === 'true'; }
  override getXmlRoot(): string { return 'TeamLayoutConfig'; }
  update(layoutxml: string, useDefault: boolean, handlers?: RestHandlers): this {
    return this._write('PUT', { TeamLayoutConfig: { useDefault: String(useDefault), layoutxml } }, handlers);
  }
}
