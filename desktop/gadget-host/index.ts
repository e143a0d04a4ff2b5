// Gadgets on the container page: mounting, the /gadgets/ifr URL, the container's rpc services.
export { mountGadget, gadgetClientId, type MountGadgetOptions, type MountedGadget } from './mount-gadget.ts';
export { gadgetIframeUrl, prefPairs, type IfrUrlOptions } from './ifr-url.ts';
