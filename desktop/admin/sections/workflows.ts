// Workflows and workflow actions (rest-api.md §7), edited as XML.
import type { Section } from '../section.ts';
import { childText } from '../xml.ts';
import { xmlList } from './xml-section.ts';

const ACTION_TEMPLATE = `<WorkflowAction>
  <name>Open CRM record</name>
  <type>BROWSER_POP</type>
  <handledBy>FINESSE_DESKTOP</handledBy>
  <params>
    <Param><name>windowUrl</name><value>https://crm.example.com/search?number=\${caller}</value></Param>
    <Param><name>windowName</name><value>crm</value></Param>
  </params>
  <actionVariables>
    <ActionVariable><name>caller</name><node>//Dialog/fromAddress</node><type>SYSTEM</type><testValue>4085550100</testValue></ActionVariable>
  </actionVariables>
</WorkflowAction>`;

const WORKFLOW_TEMPLATE = `<Workflow>
  <name>Screen pop on answer</name>
  <description>Opens the customer record when a call is answered</description>
  <media>voice</media>
  <TriggerSet>
    <type>CALL_ANSWERED</type>
    <triggers>
      <Trigger>
        <Variable><name>callVariable1</name><node>//Dialog/mediaProperties/callvariables/CallVariable[name="callVariable1"]/value</node><type>SYSTEM</type></Variable>
        <comparator>IS_NOT_EMPTY</comparator>
        <value></value>
      </Trigger>
    </triggers>
  </TriggerSet>
  <workflowActions></workflowActions>
</Workflow>`;

export const workflowsSection: Section = {
  id: 'workflows',
  title: 'Workflows',
  open: (body, api) => xmlList(body, api, {
    noun: 'workflow', listPath: '/finesse/api/Workflows', itemTag: 'Workflow', createPath: '/finesse/api/Workflow',
    template: WORKFLOW_TEMPLATE, describe: (w) => childText(w, 'name'),
  }),
};

export const workflowActionsSection: Section = {
  id: 'workflow-actions',
  title: 'Workflow actions',
  open: (body, api) => xmlList(body, api, {
    noun: 'workflow action', listPath: '/finesse/api/WorkflowActions', itemTag: 'WorkflowAction',
    createPath: '/finesse/api/WorkflowAction', template: ACTION_TEMPLATE,
    describe: (a) => `${childText(a, 'name')} (${childText(a, 'type')})`,
  }),
};
