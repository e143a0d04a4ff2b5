// Reason codes (rest-api.md §6.1): Not Ready and Sign Out reasons, code 1–999, label up to 40 characters.
import type { Section } from '../section.ts';
import { childText } from '../xml.ts';
import { formList } from './form-section.ts';

export const reasonCodesSection: Section = {
  id: 'reason-codes',
  title: 'Reason codes',
  open: (body, api) => formList(body, api, {
    noun: 'reason code', listPath: '/finesse/api/ReasonCodes?category=ALL', itemTag: 'ReasonCode', rootTag: 'ReasonCode',
    createPath: '/finesse/api/ReasonCode',
    columns: [
      { label: 'Category', value: (rc) => childText(rc, 'category') === 'LOGOUT' ? 'Sign out' : 'Not ready' },
      { label: 'Code', value: (rc) => childText(rc, 'code') },
      { label: 'Label', value: (rc) => childText(rc, 'label') },
      { label: 'Global', value: (rc) => childText(rc, 'forAll') === 'true' ? 'Yes' : 'No' },
    ],
    fields: [
      { name: 'category', label: 'Category', kind: 'select', options: [['NOT_READY', 'Not ready'], ['LOGOUT', 'Sign out']], createOnly: true },
      { name: 'code', label: 'Code (1–999)', kind: 'number' },
      { name: 'label', label: 'Label', kind: 'text', maxLength: 40 },
      { name: 'forAll', label: 'Global (all teams)', kind: 'checkbox' },
    ],
    readOnly: (rc) => childText(rc, 'systemCode') === 'true',
  }),
};
