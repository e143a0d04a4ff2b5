// The desktop layout every node starts with: the Poise default of desktop-and-gadgets.md §2, one layout per role.
export const DEFAULT_LAYOUT_XML = `<finesseLayout xmlns="http://www.cisco.com/vtg/finesse">
  <version>1.0</version>
  <configs><config key="title" value="Poise"/></configs>
  <layout>
    <role>Agent</role>
    <page><gadget>/desktop/scripts/js/callcontrol.js</gadget></page>
    <tabs>
      <tab><id>home</id><icon>home</icon><label>finesse.container.tabs.agent.homeLabel</label>
        <columns><column><gadgets>
          <gadget>/livedata/gadget/LiveDataGadget.xml?report=agentCsqStatistics&amp;gadgetHeight=200</gadget>
        </gadgets></column></columns></tab>
    </tabs>
  </layout>
  <layout>
    <role>Supervisor</role>
    <page><gadget>/desktop/scripts/js/callcontrol.js</gadget></page>
    <tabs>
      <tab><id>manageTeam</id><icon>manage-team</icon><label>finesse.container.tabs.supervisor.manageTeamLabel</label>
        <gadgets>
          <gadget id="team-performance" maxRows="20">/desktop/scripts/js/teamPerformance.js</gadget>
          <gadget managedBy="team-performance">/livedata/gadget/LiveDataGadget.xml?report=recentStateHistory&amp;type=dynamic</gadget>
        </gadgets></tab>
    </tabs>
  </layout>
</finesseLayout>`;
