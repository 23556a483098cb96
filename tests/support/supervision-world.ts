import ExcelJS from 'exceljs';
import type { App } from '../../electron/services/app';
import { testApp, type TestApp } from './app';
import { caller, fixtureFile } from './sample-plan';

/** The sample county's units and people on a fixed clock (2026-09-29), for the supervision registers' tests. */
export async function supervisionWorld(): Promise<{
  t: TestApp;
  app: App;
  call: ReturnType<typeof caller>;
  as: (role: Parameters<typeof caller>[1], username?: string) => ReturnType<typeof caller>;
  unitId: (code: string) => number;
  personId: (name: string) => number;
}> {
  const t = await testApp({ now: () => new Date('2026-09-29T12:00:00').getTime() });
  const call = caller(t.app);
  await caller(t.app, 'admin', '管理员')('settings.update', { unitName: '示例县人民政府目标考评办公室' });
  await call('settings.updateBusiness', { issuingBodies: ['示例县人民政府目标考评办公室'] });
  await call('units.import', fixtureFile('org', 'sample-units.xlsx'));
  await call('people.import', fixtureFile('org', 'sample-people.xlsx'));
  const units = await call<{ id: number; code: string }[]>('units.list', {});
  const people = await call<{ rows: { id: number; name: string }[] }>('people.list', { offset: 0, limit: 200 });
  return {
    t,
    app: t.app,
    call,
    as: (role, username) => caller(t.app, role, username),
    unitId: (code) => units.find((u) => u.code === code)!.id,
    personId: (name) => people.rows.find((p) => p.name === name)!.id,
  };
}

/** An .xlsx of one sheet: the header row, then the rows, every cell as text. */
export async function xlsxFile(name: string, sheet: string, rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return { fileName: name, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

/** Every cell's text of the first sheet of an .xlsx, row by row. */
export async function readXlsxRows(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return out;
}

/** An .xlsx of named sheets, each a header row and its rows. */
export async function workbookFile(name: string, sheets: Record<string, (string | number)[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheetName);
    for (const r of rows) ws.addRow(r);
  }
  return { fileName: name, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

/** What an import's preview or import answers. */
export type ImportOutcome = {
  rows: {
    row: number;
    sheet?: string;
    key: string;
    name: string;
    status: 'create' | 'update' | 'same' | 'error';
    messages: { column: string; message: string }[];
    warnings?: { column: string; message: string }[];
  }[];
  counts: { create: number; update: number; same: number; error: number };
  notices: string[];
  committed: boolean;
};

/** Two units both named 财政所, under the two towns: a name an import must not guess. */
export async function twoFinanceOffices(w: Awaited<ReturnType<typeof supervisionWorld>>) {
  for (const [code, parent] of [
    ['SX-CGZ-CZS', 'SX-CGZ'],
    ['SX-DHX-CZS', 'SX-DHX'],
  ] as const)
    await w.call('units.create', { code, name: '财政所', kind: 'other', parentId: w.unitId(parent) });
}
