import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSelect } from '../../../../src/callmanager/axl/sql/parser.ts';

test('parses the whole grammar into a statement', () => {
  const result = parseSelect("SELECT SKIP 1 FIRST 2 d.Name AS n, description FROM Device d WHERE (d.tkclass = 1 OR name LIKE 'C%') AND fkenduser IS NULL ORDER BY n DESC, 2 ASC");
  assert.ok(result.ok);
  assert.deepEqual(result.statement, {
    skip: 1, first: 2,
    items: [{ kind: 'column', ref: { qualifier: 'd', column: 'name' }, alias: 'n' }, { kind: 'column', ref: { column: 'description' }, alias: undefined }],
    from: [{ view: 'device', alias: 'd' }],
    where: {
      kind: 'and',
      left: {
        kind: 'or',
        left: { kind: 'compare', op: '=', left: { kind: 'column', qualifier: 'd', column: 'tkclass' }, right: { kind: 'number', value: 1 } },
        right: { kind: 'like', negated: false, column: { column: 'name' }, pattern: 'C%' },
      },
      right: { kind: 'null', negated: false, column: { column: 'fkenduser' } },
    },
    orderBy: [{ target: { kind: 'column', ref: { column: 'n' } }, direction: 'desc' }, { target: { kind: 'position', position: 2 }, direction: 'asc' }],
  });
});

// Everything outside the subset is -201 "A syntax error has occurred." with the reason (axl.md §3, §5.7).
const refused: Array<[string, RegExp]> = [
  ['delete from device', /Only SELECT statements/],
  ["insert into enduser (userid) values ('x')", /Only SELECT statements/],
  ["update device set name = 'x'", /Only SELECT statements/],
  ['drop table device', /Only SELECT statements/],
  ['', /Only SELECT statements/],
  ['select name from device; delete from device', /Only one statement/],
  ['select name from device where pkid in (select fkdevice from devicenumplanmap)', /Sub-queries/],
  ['select name from (select * from device)', /Sub-queries/],
  ['select name from device where (select 1)', /Sub-queries/],
  ['select count(*) from device', /Function calls are not supported \(count\)/],
  ['select name from device where lower(name) = \'x\'', /Function calls/],
  ['select name from device d join numplan n on 1 = 1', /JOIN is not supported/],
  ['select name from device union select name from enduser', /UNION is not supported/],
  ['select distinct name from device', /DISTINCT is not supported/],
  ['select name from device group by name', /GROUP BY is not supported/],
  ['select name from device limit 5', /LIMIT is not supported; use FIRST/],
  ['select name from device where name matches \'S*\'', /MATCHES is not supported/],
  ['select name from device where tkclass between 1 and 2', /BETWEEN is not supported/],
  ['select name from device -- comment', /Comments are not supported/],
  ['select name /* c */ from device', /Comments are not supported/],
  ['select name from device where name = \'unterminated', /not terminated/],
  ['select name from device where tkclass = 1.5', /whole numbers/],
  ['select name from device where name = null', /IS NULL/],
  ['select name from device where not name = \'x\'', /NOT is supported only/],
  ['select d.* from device d', /d\.\* is not supported/],
  ['select name from device where name = $1', /Unexpected character "\$"/],
  ['select name from device where name = @x', /Unexpected character "@"/],
  ['select first 0 name from device', /FIRST takes a whole number of at least 1/],
  ['select skip -1 name from device', /SKIP takes a whole number/],
  ['select name from', /Unexpected the end of the statement; expected a view name/],
  ['select name device', /Unexpected the end of the statement; expected FROM/],
  ['select from device', /expected a column name|FROM/],
  ['select name from device where', /Unexpected the end/],
  ['select name from device where name', /Unexpected the end/],
  ['select name from device where name in ()', /Unexpected/],
  ['select name from device order name', /expected BY/],
  [`select name from device where ${'('.repeat(40)}name = 'x'${')'.repeat(40)}`, /nested too deeply/],
  [`select name from device where name = '${'x'.repeat(17_000)}'`, /longer than/],
];

for (const [statement, reason] of refused) {
  test(`refuses: ${statement.slice(0, 80)}`, () => {
    const result = parseSelect(statement);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.fault.axlCode, -201);
    assert.equal(result.fault.faultCode, 'Client');
    assert.match(result.fault.message, /^A syntax error has occurred\. /);
    assert.match(result.fault.message, reason);
  });
}
