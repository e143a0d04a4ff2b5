// System reason codes the engine sets itself (cti.md §5.4; telephony-and-routing.md §2.2).
export const AGT_RNA = 32763;
export const AGT_WORK_TIMER_EXP = 32758;
export const AGT_LOGON = 32760;
export const NO_REASON = 0;
export const AGT_OFFHOOK = 32762;
