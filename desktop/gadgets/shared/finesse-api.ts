// The part of the public Finesse JavaScript library API (desktop-and-gadgets.md §5) and of the gadgets.* API
// (§3.1) that the built-in gadgets use, typed from the contract. The gadgets reach both through the page's
// globals, exactly as a customer's gadget does, so they prove the library.

/** `{success(rsp), error(rsp)}` of a REST request (§5 RestBase). */
export interface RequestHandlers {
  success: (rsp: unknown) => void;
  error: (rsp: unknown) => void;
}

/** Options of a REST object or collection: `{onLoad, onChange, onAdd, onDelete, onError}`. */
export interface ObjectHandlers<T> {
  onLoad?: (object: T) => void;
  onChange?: (object: T) => void;
  onError?: (error: unknown) => void;
}

export interface CollectionHandlers<T, I> extends ObjectHandlers<T> {
  onCollectionAdd?: (item: I) => void;
  onCollectionDelete?: (item: I) => void;
}

export interface RestObject {
  getId(): string;
  getData(): unknown;
  addHandler(type: 'load' | 'change' | 'add' | 'delete', callback: (object: never) => void): void;
  isLoaded(): boolean;
  /** GET the object again; the answer fires `change` (§5 RestBase). */
  refresh(retries?: number): void;
}

export interface RestCollection<I> extends RestObject {
  getCollection(): Record<string, I>;
}

export interface Dialog extends RestObject {
  getFromAddress(): string;
  getToAddress(): string;
  getState(): string;
  getParticipants(): unknown;
  getMediaProperties(): Record<string, unknown>;
  requestAction(targetMediaAddress: string, action: string, handlers: RequestHandlers): void;
  makeConsultCall(extension: string, to: string, handlers: RequestHandlers): void;
  updateWrapUpReason(reason: string, handlers: RequestHandlers): void;
  sendDTMFRequest(extension: string, handlers: RequestHandlers, digit: string): void;
}

export interface User extends RestObject {
  getFirstName(): string;
  getLastName(): string;
  getExtension(): string;
  getState(): string;
  getStateChangeTime(): string;
  getSupervisedTeams(): unknown;
  hasSupervisorRole(): boolean;
  setState(state: string, reasonCode: { id: string } | undefined, handlers: RequestHandlers): void;
  makeCall(number: string, handlers: RequestHandlers): void;
  getDialogs(handlers: CollectionHandlers<RestCollection<Dialog>, Dialog>): RestCollection<Dialog>;
  getMediaPropertiesLayout(handlers: ObjectHandlers<RestObject>): RestObject;
  getMediaPropertiesLayouts(handlers: ObjectHandlers<RestCollection<RestObject>>): RestCollection<RestObject>;
  getWrapUpReasons(handlers: ObjectHandlers<RestCollection<RestObject>>): RestCollection<RestObject>;
  getQueues(handlers: CollectionHandlers<RestCollection<Queue>, Queue>): RestCollection<Queue>;
  getPhoneBooks(handlers: ObjectHandlers<RestCollection<PhoneBook>>): RestCollection<PhoneBook>;
}

export interface Queue extends RestObject {
  getName(): string;
  getStatistics(): unknown;
}

export interface PhoneBook extends RestObject {
  getContacts(handlers: ObjectHandlers<RestCollection<RestObject>>): RestCollection<RestObject>;
}

export interface Team extends RestObject {
  getUsers(handlers: CollectionHandlers<RestCollection<User>, User>): RestCollection<User>;
}

type Constructor<T> = new (options: Record<string, unknown>) => T;

export interface FinesseLibrary {
  gadget: { Config: Record<string, unknown> };
  clientservices: {
    ClientServices: {
      init(config: Record<string, unknown>, debug?: boolean): unknown;
      registerOnConnectHandler?(handler: () => void): void;
      registerOnDisconnectHandler?(handler: () => void): void;
    };
  };
  restservices: { User: Constructor<User>; Team: Constructor<Team> };
  utilities?: { Utilities?: { currentServerTimeMillis?(): number } };
}

export interface GadgetsLibrary {
  HubSettings: { onConnect?: () => void };
  window: { adjustHeight(height?: number): void };
  Prefs: new () => { getString(name: string): string };
}

function global<T>(name: string): T {
  const value: unknown = Reflect.get(globalThis, name);
  if (typeof value !== 'object' || value === null) throw new Error(`${name} is not loaded`);
  return value as T;
}

export const finesseLibrary = (): FinesseLibrary => global<FinesseLibrary>('finesse');
export const gadgetsLibrary = (): GadgetsLibrary => global<GadgetsLibrary>('gadgets');
