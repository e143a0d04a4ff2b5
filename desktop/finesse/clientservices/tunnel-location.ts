// Where the tunnel page is when the container does not say: this node's notification service, from SystemInfo
// (`primaryNode`/`secondaryNode` with `xmppPort`, `xmppSecurePort`; spec §7), https when the page is.
import { Utilities } from '../utilities/utilities.ts';
import type { XmlJsValue } from '../utilities/xml2js.ts';
import { ClientServices, type FinesseConfig } from './client-services.ts';

const text = (value: XmlJsValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

export function tunnelUrlFromSystemInfo(config: FinesseConfig): Promise<string> {
  return new Promise((resolve, reject) => {
    ClientServices.makeRequest(`/finesse/api/SystemInfo?nocache=${Date.now()}`, (response) => {
      const object = response.rc === 200 && typeof response.text === 'string' ? Utilities.xml2js(response.text) : undefined;
      const info = object?.SystemInfo;
      if (!info || typeof info !== 'object' || Array.isArray(info)) return reject(new Error(`SystemInfo unavailable (${response.rc})`));
      const nodes = [info.primaryNode, info.secondaryNode].filter((n) => n && typeof n === 'object' && !Array.isArray(n));
      const own = nodes.find((n) => n && typeof n === 'object' && !Array.isArray(n) && [config.host, config.restHost].includes(text(n.host)))
        ?? nodes[0];
      if (!own || typeof own !== 'object' || Array.isArray(own)) return reject(new Error('SystemInfo names no node'));
      const secure = location.protocol === 'https:';
      const port = text(secure ? own.xmppSecurePort : own.xmppPort) ?? (secure ? '7443' : '7071');
      resolve(`${secure ? 'https' : 'http'}://${text(own.host) ?? config.host}:${port}/tunnel/`);
    });
  });
}
