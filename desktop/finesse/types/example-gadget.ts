// A gadget script written in TypeScript against finesse.d.ts: checked by test/desktop/finesse/types.test.ts so
// the typings keep describing the library as gadgets call it.
/// <reference path="./finesse.d.ts" />

const config = finesse.gadget.Config;
finesse.clientservices.ClientServices.init(config, false);
finesse.clientservices.ClientServices.registerOnConnectHandler(() => console.log('connected'));
finesse.cslogger.ClientLogger.init(undefined, 'ExampleGadget');

const user = new finesse.restservices.User({
  id: String(config.id),
  onLoad: (loaded) => {
    loaded.getDialogs({
      onCollectionAdd: (dialog) => {
        const account: string | undefined = dialog.getMediaProperties().callVariable1;
        finesse.cslogger.ClientLogger.log(`ringing: ${account ?? ''} in state ${dialog.getState()}`);
        dialog.requestAction(loaded.getExtension(), finesse.restservices.Dialog.Actions.ANSWER, {
          success: (rsp) => console.log(rsp.status),
          error: (rsp) => console.log(rsp.error?.errorType),
        });
      },
    });
  },
  onChange: (changed) => console.log(changed.getId()),
});
user.setState(finesse.restservices.User.States.READY, undefined, { success: (rsp) => console.log(rsp.content) });

const containerServices = finesse.containerservices.ContainerServices.init();
containerServices.addHandler(containerServices.Topics.TIMER_TICK_EVENT, (tick: finesse.containerservices.TimerTickEvent) => {
  console.log(tick.getTickFrequency());
});
const entries: finesse.XmlObject | undefined = finesse.utilities.Utilities.xml2js('<a><b>1</b></a>');
console.log(entries);
