// executeSQLQuery (axl.md §5.7): the read-only subset, parsed here, rendered with bound parameters, run in a
// READ ONLY transaction. Rows come back as `<row>` elements named by the selected columns; NULL is empty.
import type { Element } from '../../../shared/xml/index.ts';
import { invalidRequest, tooLarge } from '../faults.ts';
import { childElement } from '../fields.ts';
import type { OperationTable } from '../operation.ts';
import { parseSelect } from '../sql/parser.ts';
import { renderSelect } from '../sql/render.ts';
import { el, leaf, type XmlValue } from '../xml.ts';

function cell(value: unknown): XmlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

export const sqlQueryOperations: OperationTable = {
  executeSQLQuery: {
    class: 'read',
    async handle(request, { directory, maxRows }) {
      const sqlElement = childElement(request, 'sql');
      if (!sqlElement) throw invalidRequest('executeSQLQuery requires sql');
      const parsed = parseSelect(sqlElement.getText());
      if (!parsed.ok) throw parsed.fault;
      const rendered = renderSelect(parsed.statement, maxRows + 1);
      if (!rendered.ok) throw rendered.fault;
      const { query, countQuery, columns } = rendered.rendered;
      const rows = await directory.readOnlyQuery(query);
      if (rows.length > maxRows) {
        const [counted] = await directory.readOnlyQuery(countQuery);
        throw tooLarge(Number(counted?.n ?? rows.length), maxRows);
      }
      return rows.map((row): Element => el('row', {}, ...columns.map((name, i) => leaf(name, cell(row[`c${i}`])))));
    },
  },
};
