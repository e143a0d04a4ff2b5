export { TelephonyProvider, type TelephonyProviderDeps } from './provider.ts';
export type * from './types.ts';
