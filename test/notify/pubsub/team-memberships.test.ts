// The team map a web service in another node sends: rendered and parsed back, and every malformed form refused whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseXml } from 'ltx';
import { MAX_TEAMS, parseTeamsQuery, renderTeamsQuery, TEAMS_NS } from '../../../src/notify/pubsub/team-memberships.ts';
import { teamDirectoryOf } from '../../../src/notify/pubsub/team-directory-link.ts';

const parse = (xml: string) => parseTeamsQuery(parseXml(xml));
const query = (body: string) => `<query xmlns='${TEAMS_NS}'>${body}</query>`;

test('a team map survives rendering and parsing', () => {
  const teams = new Map([
    ['2', { agents: ['agent1', 'agent2'], supervisors: ['supervisor1'] }],
    ['3', { agents: [], supervisors: ['supervisor1', 'supervisor2'] }],
    ['4', { agents: [], supervisors: [] }],
  ]);
  assert.deepEqual(parse(renderTeamsQuery(teams)), teams);
});

test('user ids are read lower-case, as the policy compares them', () => {
  assert.deepEqual(parse(query(`<team id='2'><agent>Agent1</agent><supervisor>SUPERVISOR1</supervisor></team>`)),
    new Map([['2', { agents: ['agent1'], supervisors: ['supervisor1'] }]]));
});

test('an empty query is an empty map: every team gone', () => {
  assert.deepEqual(parse(query('')), new Map());
});

test('malformed queries are refused whole', () => {
  const refused = [
    `<query xmlns='urn:other'><team id='2'/></query>`,
    query(`<team/>`),
    query(`<team id='x2'/>`),
    query(`<team id='12345678901'/>`),
    query(`<team id='2'/><team id='2'/>`),
    query(`<group id='2'/>`),
    query(`<team id='2'><manager>agent1</manager></team>`),
    query(`<team id='2'><agent></agent></team>`),
    query(`<team id='2'><agent>agent 1</agent></team>`),
    query(`<team id='2'><agent>agent1@example.com</agent></team>`),
    query(`<team id='2'><agent><b>agent1</b></agent></team>`),
    query(`<team id='2'><agent>${'a'.repeat(129)}</agent></team>`),
    query(Array.from({ length: MAX_TEAMS + 1 }, (_, i) => `<team id='${i}'/>`).join('')),
  ];
  for (const xml of refused) assert.equal(parse(xml), undefined, xml.slice(0, 120));
});

test('a team map as a directory: agents to their team, supervisors to every team they supervise', () => {
  const directory = teamDirectoryOf(new Map([
    ['2', { agents: ['agent1'], supervisors: ['supervisor1'] }],
    ['3', { agents: ['agent6'], supervisors: ['supervisor1', 'supervisor2'] }],
  ]));
  assert.equal(directory.teamOf('Agent1'), '2');
  assert.equal(directory.teamOf('supervisor1'), undefined);
  assert.deepEqual(directory.supervisedTeams('supervisor1'), ['2', '3']);
  assert.deepEqual(directory.supervisedTeams('supervisor2'), ['3']);
  assert.deepEqual(directory.supervisedTeams('agent1'), []);
});
