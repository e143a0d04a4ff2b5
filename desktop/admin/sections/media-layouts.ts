// Media properties layouts (rest-api.md §7): which call variables the call control shows, with labels; up to two
// columns of ten entries; the default layout can be changed but not deleted.
import type { Section } from '../section.ts';
import { childText } from '../xml.ts';
import { xmlList } from './xml-section.ts';

const TEMPLATE = `<MediaPropertiesLayout>
  <name>Billing</name>
  <description>Calls of the billing line</description>
  <type>CUSTOM</type>
  <header>
    <entry><displayName>Customer</displayName><mediaProperty>callVariable1</mediaProperty><showInPopOver>true</showInPopOver><uiEditable>false</uiEditable></entry>
  </header>
  <column>
    <entry><displayName>Invoice</displayName><mediaProperty>callVariable3</mediaProperty><showInPopOver>false</showInPopOver><uiEditable>true</uiEditable></entry>
  </column>
</MediaPropertiesLayout>`;

export const mediaLayoutsSection: Section = {
  id: 'media-layouts',
  title: 'Call variables layouts',
  open: (body, api) => xmlList(body, api, {
    noun: 'media properties layout', listPath: '/finesse/api/MediaPropertiesLayouts', itemTag: 'MediaPropertiesLayout',
    createPath: '/finesse/api/MediaPropertiesLayout', template: TEMPLATE,
    describe: (l) => `${childText(l, 'name')}${childText(l, 'type') === 'DEFAULT' ? ' (default)' : ''}`,
    keep: (l) => childText(l, 'type') === 'DEFAULT',
  }),
};
