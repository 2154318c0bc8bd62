// One column filling two fields: a de-identified list whose only column is the id, mapped to both the
// id and the name (CLI mapping file, or the app's edited mapping), runs instead of being refused.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/backend/import/import-file';
import { checkMapping } from '../../../electron/backend/import/pipeline';
import { rwb } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';

const dir = tempDir('rwb-two-fields-');

describe('one column on two fields', () => {
  it('checkMapping lets a column fill two fields, still refuses a field twice and attributes where none are kept', () => {
    expect(() =>
      checkMapping('customers', [
        { field: 'customerKey', column: 0, header: 'ID' },
        { field: 'name', column: 0, header: 'ID' },
      ]),
    ).not.toThrow();
    expect(() =>
      checkMapping('customers', [
        { field: 'customerKey', column: 0, header: 'ID' },
        { field: 'customerKey', column: 1, header: 'X' },
      ]),
    ).toThrow(/mapped twice/);
    expect(() => checkMapping('tickets', [{ field: 'attribute', column: 3, header: 'Country' }])).toThrow(/no customer attributes/);
    // The name is no longer required: a list of ids alone is a list.
    expect(() => checkMapping('customers', [{ field: 'customerKey', column: 0, header: 'ID' }])).not.toThrow();
  });

  it('imports a mapping by header text that names the id column for the id and the name', async () => {
    const path = join(dir, 'ids.csv');
    writeFileSync(path, '客户编号,省份\n1001.0,浙江\n1002,广东\n');
    const ws = await newWorkspace(dir);
    const { batch } = await importFile(ws, {
      path,
      entity: 'customers',
      headerMapping: [
        { field: 'customerKey', header: '客户编号' },
        { field: 'name', header: '客户编号' },
        { field: 'attribute', header: '省份', attributeType: 'category' },
      ],
    });
    expect([batch.rowsAccepted, batch.idsUnfloated, batch.namesFromIds]).toEqual([2, 1, 0]);
    // The name reads the cell as text; the id reads it as an id.
    expect(ws.sqlite.prepare('select customer_key, name from customers order by 1').all()).toEqual([
      { customer_key: '1001', name: '1001.0' },
      { customer_key: '1002', name: '1002' },
    ]);
    await ws.close();
  });

  it('rwb import --mapping with one header for two fields', () => {
    const env = { RWB_HOME: join(dir, 'home'), RWB_DOCUMENTS: join(dir, 'docs'), LANG: 'en_US.UTF-8' };
    const ws = join(dir, 'cli.rwb');
    const data = join(dir, 'ids2.csv');
    writeFileSync(data, 'ID\nA1\nA2\n');
    const mapping = join(dir, 'm.json');
    writeFileSync(mapping, JSON.stringify({ customerKey: 'ID', name: 'ID' }));
    expect(rwb(['new', ws, '--client', '客户'], env).status).toBe(0);
    const r = rwb(['import', ws, data, '--entity', 'customers', '--mapping', mapping, '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json<{ rowsAccepted: number }>().rowsAccepted).toBe(2);
  });
});
