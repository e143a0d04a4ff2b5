// Wrap-up reasons (rest-api.md §6.2): label up to 39 bytes, global or assigned to teams.
import type { Section } from '../section.ts';
import { childText } from '../xml.ts';
import { formList } from './form-section.ts';

export const wrapUpReasonsSection: Section = {
  id: 'wrap-up-reasons',
  title: 'Wrap-up reasons',
  open: (body, api) => formList(body, api, {
    noun: 'wrap-up reason', listPath: '/finesse/api/WrapUpReasons', itemTag: 'WrapUpReason', rootTag: 'WrapUpReason',
    createPath: '/finesse/api/WrapUpReason',
    columns: [
      { label: 'Label', value: (w) => childText(w, 'label') },
      { label: 'Global', value: (w) => childText(w, 'forAll') === 'true' ? 'Yes' : 'No' },
    ],
    fields: [
      { name: 'label', label: 'Label', kind: 'text', maxLength: 39 },
      { name: 'forAll', label: 'Global (all teams)', kind: 'checkbox' },
    ],
  }),
};
