// A Dialog as the agent at 1001 sees it, as Goessner objects like the master publishes them.
import { xml2js } from '../../../../desktop/finesse/utilities/xml2js.ts';

export function dialogXml(options: { state?: string; mine?: string; from?: string; cv1?: string; ecc?: string } = {}): string {
  const variables = [
    options.cv1 === undefined ? '' : `<CallVariable><name>callVariable1</name><value>${options.cv1}</value></CallVariable>`,
    '<CallVariable><name>callVariable2</name><value>gold</value></CallVariable>',
    options.ecc === undefined ? '' : `<CallVariable><name>user.account</name><value>${options.ecc}</value></CallVariable>`,
  ].join('');
  return `<Dialog><id>16777217</id><fromAddress>${options.from ?? '+14085550181'}</fromAddress><toAddress>7001</toAddress>`
    + `<mediaProperties><DNIS>7001</DNIS><callType>ACD_IN</callType><callvariables>${variables}</callvariables></mediaProperties>`
    + `<participants><Participant><mediaAddress>${options.from === '1001' ? '5551234' : options.from ?? '+14085550181'}</mediaAddress><state>ACTIVE</state></Participant>`
    + `<Participant><mediaAddress>1001</mediaAddress><state>${options.mine ?? 'ALERTING'}</state></Participant></participants>`
    + `<state>${options.state ?? 'ALERTING'}</state></Dialog>`;
}

export function dialogObject(options: Parameters<typeof dialogXml>[0] = {}): Record<string, unknown> {
  const parsed = xml2js(dialogXml(options));
  if (!parsed || typeof parsed.Dialog !== 'object' || parsed.Dialog === null || Array.isArray(parsed.Dialog)) throw new Error('bad fixture');
  return parsed.Dialog;
}
