// The views executeSQLQuery may read (axl.md §5.7), created by the axl_views migration. Only the names here
// ever reach the database: user text never becomes an identifier.

export type ColumnType = 'text' | 'integer';

export interface ViewDefinition {
  /** The database view behind the CUCM-style name. */
  relation: string;
  /** In `*` order. */
  columns: ReadonlyArray<readonly [name: string, type: ColumnType]>;
}

export const VIEWS: Readonly<Record<string, ViewDefinition>> = {
  enduser: {
    relation: 'axl_enduser',
    columns: [['pkid', 'text'], ['userid', 'text'], ['firstname', 'text'], ['lastname', 'text'],
      ['telephonenumber', 'text'], ['mailid', 'text']],
  },
  applicationuser: { relation: 'axl_applicationuser', columns: [['pkid', 'text'], ['name', 'text']] },
  device: {
    relation: 'axl_device',
    columns: [['pkid', 'text'], ['name', 'text'], ['description', 'text'], ['tkclass', 'integer'],
      ['tkmodel', 'integer'], ['fkenduser', 'text']],
  },
  numplan: {
    relation: 'axl_numplan',
    columns: [['pkid', 'text'], ['dnorpattern', 'text'], ['description', 'text'], ['fkroutepartition', 'text']],
  },
  routepartition: { relation: 'axl_routepartition', columns: [['pkid', 'text'], ['name', 'text']] },
  devicenumplanmap: {
    relation: 'axl_devicenumplanmap',
    columns: [['pkid', 'text'], ['fkdevice', 'text'], ['fknumplan', 'text'], ['numplanindex', 'integer']],
  },
  enduserdevicemap: {
    relation: 'axl_enduserdevicemap',
    columns: [['pkid', 'text'], ['fkenduser', 'text'], ['fkdevice', 'text']],
  },
};

export function findView(name: string): ViewDefinition | undefined {
  return Object.hasOwn(VIEWS, name) ? VIEWS[name] : undefined;
}
