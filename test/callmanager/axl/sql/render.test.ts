import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PgDialect } from 'drizzle-orm/pg-core';
import { parseSelect } from '../../../../src/callmanager/axl/sql/parser.ts';
import { renderSelect } from '../../../../src/callmanager/axl/sql/render.ts';

const dialect = new PgDialect();
const LIMIT = 101;

function render(statement: string) {
  const parsed = parseSelect(statement);
  if (!parsed.ok) throw new Error(`${statement}: ${parsed.fault.message}`);
  return renderSelect(parsed.statement, LIMIT);
}

const q = (s: string) => s.replaceAll('`', '"');

// Accepted statements: the exact SQL sent to PostgreSQL, its bound parameters and the output column names.
const accepted: Array<{ statement: string; sql: string; params: unknown[]; columns: string[] }> = [
  {
    statement: 'select name, description from device where tkclass = 1',
    sql: q('select `t0`.`name` as `c0`, `t0`.`description` as `c1` from `axl_device` as `t0` where `t0`.`tkclass` = $1::integer limit $2'),
    params: [1, LIMIT], columns: ['name', 'description'],
  },
  {
    statement: 'SELECT * FROM RoutePartition',
    sql: q('select `t0`.`pkid` as `c0`, `t0`.`name` as `c1` from `axl_routepartition` as `t0` limit $1'),
    params: [LIMIT], columns: ['pkid', 'name'],
  },
  {
    statement: "select skip 2 first 5 d.name as DevName, m.numplanindex from device d, devicenumplanmap m where d.pkid = m.fkdevice and (d.name like 'SEP%' or d.tkclass in (1, '10')) and d.fkenduser is not null order by devname desc, 2",
    sql: q('select `t0`.`name` as `c0`, `t1`.`numplanindex` as `c1` from `axl_device` as `t0`, `axl_devicenumplanmap` as `t1` '
      + 'where ((`t0`.`pkid` = `t1`.`fkdevice` and (`t0`.`name` like $1::text or `t0`.`tkclass` in ($2::integer, $3::integer))) and `t0`.`fkenduser` is not null) '
      + 'order by `t0`.`name` collate `C` desc, `t1`.`numplanindex` asc offset $4 limit $5'),
    params: ['SEP%', 1, 10, 2, 5], columns: ['devname', 'numplanindex'],
  },
  {
    statement: "select userid from enduser where userid = 'x'' or 1=1 --' or lastname = \"O'Neil\"",
    sql: q('select `t0`.`userid` as `c0` from `axl_enduser` as `t0` where (`t0`.`userid` = $1::text or `t0`.`lastname` = $2::text) limit $3'),
    params: ["x' or 1=1 --", "O'Neil", LIMIT], columns: ['userid'],
  },
  {
    statement: 'select dnorpattern from numplan where dnorpattern = 4001 and fkroutepartition is null and description not like \'%x%\' and pkid not in (\'a\')',
    sql: q('select `t0`.`dnorpattern` as `c0` from `axl_numplan` as `t0` where (((`t0`.`dnorpattern` = $1::text and `t0`.`fkroutepartition` is null) '
      + 'and not (`t0`.`description` like $2::text)) and `t0`.`pkid` not in ($3::text)) limit $4'),
    params: ['4001', '%x%', 'a', LIMIT], columns: ['dnorpattern'],
  },
  {
    statement: 'select first 1000 e.userid, d.name from enduser e, enduserdevicemap m, device d where e.pkid = m.fkenduser and m.fkdevice = d.pkid and d.tkclass <> 10 and d.tkmodel != -1 order by e.userid',
    sql: q('select `t0`.`userid` as `c0`, `t2`.`name` as `c1` from `axl_enduser` as `t0`, `axl_enduserdevicemap` as `t1`, `axl_device` as `t2` '
      + 'where (((`t0`.`pkid` = `t1`.`fkenduser` and `t1`.`fkdevice` = `t2`.`pkid`) and `t2`.`tkclass` <> $1::integer) and `t2`.`tkmodel` <> $2::integer) '
      + 'order by `t0`.`userid` collate `C` asc limit $3'),
    params: [10, -1, LIMIT], columns: ['userid', 'name'],
  },
  {
    statement: 'select name from applicationuser where pkid = name and 1 = 1;',
    sql: q('select `t0`.`name` as `c0` from `axl_applicationuser` as `t0` where (`t0`.`pkid` = `t0`.`name` and $1::integer = $2::integer) limit $3'),
    params: [1, 1, LIMIT], columns: ['name'],
  },
  {
    statement: 'select numplanindex from devicenumplanmap where numplanindex = fkdevice',
    sql: q('select `t0`.`numplanindex` as `c0` from `axl_devicenumplanmap` as `t0` where `t0`.`numplanindex`::text = `t0`.`fkdevice` limit $1'),
    params: [LIMIT], columns: ['numplanindex'],
  },
];

for (const a of accepted) {
  test(`renders: ${a.statement}`, () => {
    const result = render(a.statement);
    assert.ok(result.ok, result.ok ? '' : result.fault.message);
    const { sql, params } = dialect.sqlToQuery(result.rendered.query);
    assert.equal(sql, a.sql);
    assert.deepEqual(params, a.params);
    assert.deepEqual(result.rendered.columns, a.columns);
  });
}

test('the count query drops SKIP, FIRST and ORDER BY', () => {
  const result = render("select skip 1 first 2 name from device where name like 'SEP%' order by name");
  assert.ok(result.ok);
  assert.deepEqual(dialect.sqlToQuery(result.rendered.countQuery),
    { sql: q('select count(*)::int as n from `axl_device` as `t0` where `t0`.`name` like $1::text'), params: ['SEP%'], typings: ['none'] });
});

const refused: Array<[string, number, RegExp]> = [
  ['select name from nosuch', -206, /^The specified table \(nosuch\) is not in the database\.$/],
  ['select name from cm_device', -206, /cm_device/],
  ['select name from pg_catalog', -206, /pg_catalog/],
  ['select secret from enduser', -217, /^Column \(secret\) not found in any table in the query \(or SLV is undefined\)\.$/],
  ['select password_hash from enduser', -217, /password_hash/],
  ['select x.name from device d', -217, /x\.name/],
  ['select device.name from device d', -217, /device\.name/],
  ['select name from device order by nosuch', -217, /nosuch/],
  ['select pkid from device, numplan', -201, /ambiguous/],
  ['select name from device, device', -201, /twice/],
  ['select name from device where tkclass = \'one\'', -201, /whole number/],
  ['select name from device order by 3', -201, /ORDER BY 3/],
  [`select a.name from ${Array.from({ length: 9 }, (_, i) => `device d${i}`).join(', ').replace('d0', 'a')}`, -201, /At most 8 views/],
];

for (const [statement, code, message] of refused) {
  test(`refuses with ${code}: ${statement}`, () => {
    const result = render(statement);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.fault.axlCode, code);
    assert.equal(result.fault.faultCode, 'Client');
    assert.match(result.fault.message, message);
  });
}
