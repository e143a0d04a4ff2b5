// The desktop layout every node starts with (desktop-and-gadgets.md §2), one layout per role, with the built-in
// gadgets and the Live Data reports placed as UCCX places them by default (§6.1): Agent Home = Agent CSQ Statistics
// + Agent Team Summary, My Statistics = Agent Statistics + Recent State History; Team Data = Team Summary + Team
// State; Queue Data = Voice CSQ Summary, its chart, and Queue Statistics.
const LIVEDATA = '/livedata/gadget/LiveDataGadget.xml';

export const DEFAULT_LAYOUT_XML = `<finesseLayout xmlns="http://www.cisco.com/vtg/finesse">
  <version>1.0</version>
  <configs><config key="title" value="Poise"/></configs>
  <layout>
    <role>Agent</role>
    <page><gadget>/desktop/scripts/js/callcontrol.js</gadget></page>
    <tabs>
      <tab><id>home</id><icon>home</icon><label>finesse.container.tabs.agent.homeLabel</label>
        <columns><column><gadgets>
          <gadget>${LIVEDATA}?report=agentCsqStatistics&amp;gadgetHeight=220</gadget>
          <gadget>${LIVEDATA}?report=agentTeamSummary&amp;gadgetHeight=160</gadget>
        </gadgets></column></columns></tab>
      <tab><id>myStatistics</id><icon>my-statistics</icon><label>finesse.container.tabs.agent.myStatisticsLabel</label>
        <gadgets>
          <gadget>${LIVEDATA}?report=agentStatistics&amp;gadgetHeight=160</gadget>
          <gadget>${LIVEDATA}?report=recentStateHistory&amp;gadgetHeight=260</gadget>
        </gadgets></tab>
      <tab><id>contacts</id><icon>contacts</icon><label>Contacts</label>
        <gadgets><gadget>/desktop/scripts/js/phonebooks.js</gadget></gadgets></tab>
    </tabs>
  </layout>
  <layout>
    <role>Supervisor</role>
    <page><gadget>/desktop/scripts/js/callcontrol.js</gadget></page>
    <tabs>
      <tab><id>manageTeam</id><icon>manage-team</icon><label>finesse.container.tabs.supervisor.manageTeamLabel</label>
        <gadgets>
          <gadget id="team-performance" maxRows="20">/desktop/scripts/js/teamPerformance.js</gadget>
          <gadget managedBy="team-performance">${LIVEDATA}?report=recentStateHistory&amp;type=dynamic&amp;gadgetHeight=240</gadget>
        </gadgets></tab>
      <tab><id>teamData</id><icon>team-data</icon><label>finesse.container.tabs.supervisor.teamDataLabel</label>
        <gadgets>
          <gadget>${LIVEDATA}?report=teamSummary&amp;gadgetHeight=160</gadget>
          <gadget>${LIVEDATA}?report=teamState&amp;gadgetHeight=300</gadget>
        </gadgets></tab>
      <tab><id>queueData</id><icon>queue-data</icon><label>finesse.container.tabs.supervisor.queueDataLabel</label>
        <columns>
          <column><gadgets>
            <gadget>${LIVEDATA}?report=voiceCsqSummary&amp;gadgetHeight=220</gadget>
            <gadget>${LIVEDATA}?display=chart&amp;gadgetHeight=300</gadget>
          </gadgets></column>
          <column><gadgets>
            <gadget>/desktop/scripts/js/queueStatistics.js</gadget>
          </gadgets></column>
        </columns></tab>
    </tabs>
  </layout>
</finesseLayout>`;
