// Typings of the Finesse-compatible JavaScript library (Poise extension, desktop-and-gadgets.md "Poise
// extensions"): the `finesse` globals that /desktop/assets/js/finesse.js installs, for gadgets written in
// TypeScript. Reference it with `/// <reference path=".../finesse.d.ts" />`.

declare namespace finesse {
  /** Goessner-style XML: element → property, repeated → array, empty → null, attribute → "@name". */
  type XmlValue = string | null | XmlObject | XmlValue[];
  interface XmlObject { [name: string]: XmlValue }

  namespace gadget {
    /** The gadget's prefs (defined by finesse.js when the gadget does not define it). */
    let Config: { [name: string]: string | number | undefined; authorization?: string; id?: string; host?: string; restHost?: string };
  }

  interface RestResponse {
    status: number;
    content: string;
    object: XmlObject | null;
    error?: { errorType?: string; errorData?: string; errorMessage?: string };
  }
  interface RequestHandlers { success?(rsp: RestResponse): void; error?(rsp: RestResponse): void }
  type HandlerType = 'load' | 'change' | 'add' | 'delete' | 'error' | 'collectionAdd' | 'collectionDelete';

  namespace restservices {
    interface RestOptions<T = RestBase, I = RestBase> {
      id?: string;
      onLoad?(object: T): void;
      onChange?(object: T | I): void;
      onAdd?(object: T): void;
      onDelete?(object: T): void;
      onError?(rsp: RestResponse): void;
      onCollectionAdd?(item: I): void;
      onCollectionDelete?(item: I): void;
    }

    class RestBase {
      constructor(options?: RestOptions);
      getId(): string;
      getData(): XmlObject | undefined;
      getRestUrl(): string;
      getRestType(): string;
      isLoaded(): boolean;
      addHandler(type: HandlerType, cb: (subject: never) => void, scope?: unknown): void;
      removeHandler(type: HandlerType, cb: (subject: never) => void): void;
      refresh(retries?: number): void;
    }

    class RestCollectionBase<I extends RestBase = RestBase> extends RestBase {
      getCollection(): Record<string, I>;
    }

    class User extends RestBase {
      static States: Record<'LOGIN' | 'LOGOUT' | 'NOT_READY' | 'READY' | 'RESERVED' | 'RESERVED_OUTBOUND'
        | 'RESERVED_OUTBOUND_PREVIEW' | 'TALKING' | 'HOLD' | 'WORK' | 'WORK_READY', string>;
      constructor(options: RestOptions<User>);
      getFirstName(): string;
      getLastName(): string;
      getExtension(): string;
      getTeamId(): string;
      getTeamName(): string;
      getState(): string;
      getPendingState(): string;
      getStateChangeTime(): string;
      getNotReadyReasonCodeId(): string;
      getReasonCodeLabel(): string;
      getSupervisedTeams(): { id: string; name: string; uri: string }[];
      hasAgentRole(): boolean;
      hasSupervisorRole(): boolean;
      isWrapUp(): boolean;
      isMobileAgent(): boolean;
      setState(state: string, reasonCode?: { id: string }, handlers?: RequestHandlers): this;
      login(extension: string, handlers?: RequestHandlers): this;
      loginMobileAgent(extension: string, mode: string, dialNumber: string, handlers?: RequestHandlers): this;
      logout(reasonCode?: { id: string }, handlers?: RequestHandlers): this;
      makeCall(number: string, handlers?: RequestHandlers): this;
      makeSMCall(number: string, handlers?: RequestHandlers): this;
      makeBargeCall(number: string, dialogUri: string, handlers?: RequestHandlers): this;
      getDialogs(options?: RestOptions<Dialogs, Dialog>): Dialogs;
      /** Non-voice media; an empty list on Poise, which has no non-voice Media Routing Domains. */
      getMediaList(options?: RestOptions<MediaList, Media>): MediaList;
      /** '' on Poise, whose User carries no activeDeviceId. */
      getActiveDeviceId(): string;
      getDevices(): { deviceId: string; deviceType: string; deviceTypeName: string }[];
      getQueues(options?: RestOptions<Queues, Queue>): Queues;
      getWrapUpReasons(options?: RestOptions<WrapUpReasons>): WrapUpReasons;
      getPhoneBooks(options?: RestOptions<PhoneBooks>): PhoneBooks;
      loadWorkflows(options?: RestOptions<Workflows>): Workflows;
      getMediaPropertiesLayout(options?: RestOptions<MediaPropertiesLayout>): MediaPropertiesLayout;
      getMediaPropertiesLayouts(options?: RestOptions<MediaPropertiesLayouts>): MediaPropertiesLayouts;
      getNotReadyReasonCodes(options?: RestOptions<ReasonCodes> & RequestHandlers): ReasonCodes;
      getSignoutReasonCodes(options?: RestOptions<ReasonCodes> & RequestHandlers): ReasonCodes;
      getReasonCodeById(options: RestOptions<ReasonCode>, id: string): ReasonCode;
    }
    class Users extends RestCollectionBase<User> {}

    class Dialog extends RestBase {
      static Actions: Record<'DROP' | 'ANSWER' | 'HOLD' | 'RETRIEVE' | 'MAKE_CALL' | 'CONSULT_CALL' | 'TRANSFER'
        | 'TRANSFER_SST' | 'CONFERENCE' | 'BARGE_CALL' | 'PARTICIPANT_DROP' | 'UPDATE_CALL_DATA' | 'START_RECORDING'
        | 'DTMF' | 'ACCEPT' | 'REJECT' | 'CLOSE' | 'RECLASSIFY' | 'UPDATE_SCHEDULED_CALLBACK' | 'CANCEL_SCHEDULED_CALLBACK', string>;
      static States: Record<'INITIATING' | 'INITIATED' | 'ALERTING' | 'ACTIVE' | 'DROPPED' | 'FAILED' | 'ACCEPTED', string>;
      static ParticipantStates: Record<'INITIATING' | 'INITIATED' | 'ALERTING' | 'ACTIVE' | 'DROPPED' | 'FAILED' | 'ACCEPTED' | 'HELD' | 'WRAP_UP', string>;
      static ReasonStates: Record<'BUSY' | 'BAD_DESTINATION' | 'OTHER' | 'DEVICE_RESOURCE_NOT_AVAILABLE', string>;
      getFromAddress(): string;
      getToAddress(): string;
      getMediaType(): string;
      getCallType(): string;
      getDNIS(): string;
      getState(): string;
      getDialogUri(): string;
      getParticipants(): XmlObject[];
      getCallbackInfo(): XmlObject | undefined;
      getMediaProperties(): Record<string, string>;
      requestAction(targetMediaAddress: string, action: string, handlers?: RequestHandlers): this;
      makeConsultCall(mediaAddress: string, toAddress: string, handlers?: RequestHandlers): this;
      initiateDirectTransfer(mediaAddress: string, toAddress: string, handlers?: RequestHandlers): this;
      updateWrapUpReason(wrapUpReason: string, handlers?: RequestHandlers): this;
      updateCallData(mediaProperties: Record<string, string>, handlers?: RequestHandlers): this;
      dropParticipant(targetMediaAddress: string, handlers?: RequestHandlers): this;
      sendDTMFRequest(mediaAddress: string, handlers: RequestHandlers | undefined, digit: string): this;
    }
    class Dialogs extends RestCollectionBase<Dialog> {
      createNewCallDialog(toAddress: string, fromAddress: string, handlers?: RequestHandlers): this;
      getDialogCount(excludeSilentMonitor?: boolean): number;
    }

    class Team extends RestBase {
      getName(): string;
      getUsers(options?: RestOptions<TeamUsers, User>): TeamUsers;
      getTeamNotReadyReasonCodes(options?: RestOptions<ReasonCodes>): ReasonCodes;
      getTeamSignOutReasonCodes(options?: RestOptions<ReasonCodes>): ReasonCodes;
      getTeamWrapUpReasons(options?: RestOptions<WrapUpReasons>): WrapUpReasons;
      getTeamPhoneBooks(options?: RestOptions<PhoneBooks>): PhoneBooks;
      getTeamWorkflows(options?: RestOptions<Workflows>): Workflows;
      getTeamLayoutConfig(options?: RestOptions<TeamLayoutConfig>): TeamLayoutConfig;
    }
    class TeamUsers extends RestCollectionBase<User> {}
    class Teams extends RestCollectionBase<Team> {}

    class Queue extends RestBase {
      getName(): string;
      getStatistics(): Record<string, string> & { callsInQueue?: string; startTimeOfLongestCallInQueue?: string };
    }
    class Queues extends RestCollectionBase<Queue> {}

    class Media extends RestBase {
      getMediaId(): string;
      getName(): string;
      getDescription(): string;
      getState(): string;
      getStateChangeTime(): string;
      getReasonCodeId(): string;
      getMaxDialogLimit(): string;
      getInterruptAction(): string;
      getDialogLogoutAction(): string;
      getInterruptible(): boolean;
      isRoutable(): boolean;
      isLoggedIn(): boolean;
    }
    class MediaList extends RestCollectionBase<Media> {}

    class SystemInfo extends RestBase {
      static Statuses: Record<'IN_SERVICE' | 'OUT_OF_SERVICE', string>;
      getStatus(): string;
      getCurrentTimestamp(): string;
      getXmppDomain(): string;
      getXmppPubSubDomain(): string;
      getDeploymentType(): string;
      isSingleNode(): boolean;
      getThisHost(): string;
      getAlternateHost(): string;
    }

    class ReasonCode extends RestBase { getCategory(): string; getCode(): string; getLabel(): string; getForAll(): boolean }
    class ReasonCodes extends RestCollectionBase<ReasonCode> {}
    class WrapUpReason extends RestBase { getLabel(): string; getForAll(): boolean }
    class WrapUpReasons extends RestCollectionBase<WrapUpReason> {}
    class Contact extends RestBase { getFirstName(): string; getLastName(): string; getPhoneNumber(): string; getDescription(): string }
    class Contacts extends RestCollectionBase<Contact> {}
    class PhoneBook extends RestBase { getName(): string; getType(): string; getContacts(options?: RestOptions<Contacts>): Contacts }
    class PhoneBooks extends RestCollectionBase<PhoneBook> {}
    class Workflow extends RestBase { getName(): string; getDescription(): string }
    class Workflows extends RestCollectionBase<Workflow> {}
    class WorkflowAction extends RestBase { getName(): string; getType(): string; getHandledBy(): string }
    class WorkflowActions extends RestCollectionBase<WorkflowAction> {}
    class MediaPropertiesLayout extends RestBase { getName(): string }
    class MediaPropertiesLayouts extends RestCollectionBase<MediaPropertiesLayout> {}
    class LayoutConfig extends RestBase { getLayoutXml(): string; update(layoutxml: string, handlers?: RequestHandlers): this }
    class TeamLayoutConfig extends RestBase {
      getLayoutXml(): string;
      getUseDefault(): boolean;
      update(layoutxml: string, useDefault: boolean, handlers?: RequestHandlers): this;
    }
  }

  namespace clientservices {
    type ConnectionStatus = 'connecting' | 'connected' | 'disconnected' | 'disconnecting' | 'reconnecting' | 'unloading'
      | 'conflict' | 'unauthorized' | 'failing' | 'recovered';
    const ClientServices: {
      init(config: { [name: string]: unknown }, ...ignored: unknown[]): typeof ClientServices;
      makeRequest(url: string, handler: (response: { rc: number; text?: string; data?: unknown }) => void, params?: Record<string, unknown>): void;
      subscribe(topic: string, cb: (topic: string, data: unknown) => void, disableDuringFailover?: boolean): boolean;
      unsubscribe(topic: string, cb?: (topic: string, data: unknown) => void): boolean;
      subscribeNode(node: string, cb?: (invokeID: string, rsp: unknown) => void): string;
      unsubscribeNode(node: string, subid: string | undefined, cb?: (rsp: unknown) => void): string;
      isConnected(): boolean;
      isMaster(): boolean;
      getConnectionStatus(): ConnectionStatus | undefined;
      getResourceID(): string | undefined;
      registerOnConnectHandler(handler: () => void): void;
      registerOnDisconnectHandler(handler: () => void): void;
      registerOnConnectingHandler(handler: () => void): void;
      registerOnDisconnectingHandler(handler: () => void): void;
      registerOnReconnectingHandler(handler: () => void): void;
      registerOnUnloadingHandler(handler: () => void): void;
      unregisterOnConnectHandler(): void;
      unregisterOnDisconnectHandler(): void;
      unregisterOnConnectingHandler(): void;
      unregisterOnDisconnectingHandler(): void;
      unregisterOnReconnectingHandler(): void;
      unregisterOnUnloadingHandler(): void;
      /** Container page only: makes this instance the master holding the desktop's XMPP connection. */
      initBosh(options: {
        xmppDomain: string; pubsubDomain: string; resource: string; tunnelUrl?: string;
        transport?: 'bosh' | 'websocket'; tunnelLoadTimeoutMs?: number;
      }): Promise<void>;
      /** Master only: publishes `failing` or `recovered`. */
      setFailoverMode(failing: boolean): void;
    };
  }

  namespace containerservices {
    class TimerTickEvent { getTickFrequency(): number; getDateQueued(): Date }
    class GadgetViewChangedEvent { getGadgetId(): string; getTabId(): string; getMaxAvailableHeight(): number; getView(): string }
    class MaxAvailableHeightChangedEvent { getMaxAvailableHeight(): number }
    class WorkflowActionEvent {
      getUri(): string; getName(): string; getType(): string; getHandledBy(): string;
      getParams(): { name: string; value: string; expandedValue: string }[];
      getActionVariables(): { name: string; node: string; type: string; testValue: string; actualValue: string }[];
    }
    const ContainerServices: {
      Topics: Record<'ACTIVE_TAB' | 'WORKFLOW_ACTION_EVENT' | 'TIMER_TICK_EVENT' | 'RELOAD_GADGET_EVENT' | 'GADGET_VIEW_CHANGED_EVENT'
        | 'MAX_AVAILABLE_HEIGHT_CHANGED_EVENT' | 'ACTIVE_CALL_STATUS_EVENT' | 'FINESSE_MAINTENANCE_MODE_EVENT', string>;
      init(): typeof ContainerServices;
      addHandler(topic: string, cb: (data: never) => void): void;
      removeHandler(topic: string, cb: (data: never) => void): void;
      makeActiveTabReq(): void;
      activateTab(tabId: string): boolean;
      activateMyTab(): boolean;
      getMyTabId(): string | undefined;
      getMyGadgetId(): string;
      tabVisible(): boolean;
      showDialog(options: unknown): void;
      hideDialog(): void;
      reloadMyGadget(): void;
      reloadMyGadgetFromUrl(url: string): void;
    };
  }

  namespace cslogger {
    const ClientLogger: { init(hub: unknown, gadgetName: string, config?: unknown): typeof ClientLogger; log(message: unknown): void };
  }

  namespace utilities {
    const Utilities: {
      getUserAuthString(): string | undefined;
      b64Encode(text: string): string;
      b64Decode(text: string): string;
      getCredentials(authorization: string): { id: string; password: string };
      xml2js(xml: string): XmlObject | undefined;
      js2xml(object: unknown): string;
      json2xml(object: unknown): string;
      generateUUID(): string;
      getId(uri: string | null | undefined): string;
      getArray<T>(value: T | T[] | null | undefined): T[];
      convertNullToEmptyString<T>(value: T | null | undefined): T | '';
      currentServerTimeMillis(): number;
      convertTsToDuration(seconds: number): string;
      getParameterByName(name: string, url?: string): string | null;
      getCookie(name: string): string | undefined;
      addCookie(name: string, value: string, days?: number): void;
      deleteCookie(name: string): void;
      validateHandler(handler: unknown): void;
      getErrCode(rsp: unknown): string | undefined;
      getErrData(rsp: unknown): string | undefined;
    };
  }
}
