// finesse.restservices.SystemInfo (desktop-and-gadgets.md §5; rest-api.md §8): the node's status and its peer,
// on the implicit node `/finesse/api/SystemInfo`.
import { isObject, RestBase, textOf } from './rest-base.ts';

const Statuses = { IN_SERVICE: 'IN_SERVICE', OUT_OF_SERVICE: 'OUT_OF_SERVICE' } as const;

export class SystemInfo extends RestBase {
  static readonly Statuses = Statuses;
  override getRestType(): string { return 'SystemInfo'; }
  override getRestUrl(): string { return '/finesse/api/SystemInfo'; }
  #field(name: string): string { return textOf(this._data?.[name]); }
  #node(name: 'primaryNode' | 'secondaryNode'): string {
    const node = this._data?.[name];
    return isObject(node) ? textOf(node.host) : '';
  }
  getStatus(): string { return this.#field('status'); }
  getCurrentTimestamp(): string { return this.#field('currentTimestamp'); }
  getXmppDomain(): string { return this.#field('xmppDomain'); }
  getXmppPubSubDomain(): string { return this.#field('xmppPubSubDomain'); }
  getDeploymentType(): string { return this.#field('deploymentType'); }
  isSingleNode(): boolean { return this.#node('secondaryNode') === ''; }
  getPrimaryNode(): string { return this.#node('primaryNode'); }
  getSecondaryNode(): string { return this.#node('secondaryNode'); }
  /** This node: the one of the two whose host is the XMPP domain (finesse.js compares them, rest-api.md §8). */
  getThisHost(): string {
    const domain = this.getXmppDomain();
    return [this.getPrimaryNode(), this.getSecondaryNode()].find((h) => h === domain) ?? this.getPrimaryNode();
  }
  getAlternateHost(): string {
    const own = this.getThisHost();
    return [this.getPrimaryNode(), this.getSecondaryNode()].find((h) => h !== '' && h !== own) ?? '';
  }
}
