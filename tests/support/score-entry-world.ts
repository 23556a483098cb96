import ExcelJS from 'exceljs';
import type { ChannelName } from '../../electron/contract';
import type { Scenario } from './write-scenarios';
import type { World } from './world';

/** The write scenarios of score entry (issue #16): the running year moves on to 考核评分, then a body's grid. */
export const scoreEntryScenarios: Partial<Record<ChannelName, Scenario>> = {
  'scores.save': async (w) => {
    const { planId, rows } = await scoringGrid(w, '县司法局');
    return { input: { planId, body: '县司法局', rows: [{ ...cellOf(rows[0]!), input: { occurrences: 1 } }] } };
  },
  'scores.saveSelf': async (w) => {
    const { planId, rows } = await scoringGrid(w, '县司法局');
    const unitId = rows[1]!.unitId;
    return { input: { planId, unitId, rows: [{ ...cellOf(rows[1]!), input: { occurrences: 0 } }] } };
  },
  'scores.submit': async (w) => {
    const { planId, rows } = await scoringGrid(w, '县纪委监委');
    await w.call('scores.save', {
      planId,
      body: '县纪委监委',
      rows: rows.map((r) => ({ ...cellOf(r), input: { occurrences: 0 } })),
    });
    return { input: { planId, body: '县纪委监委' } };
  },
  'scores.return': async (w) => {
    const { planId, rows } = await scoringGrid(w, '县政府办');
    await w.call('scores.save', {
      planId,
      body: '县政府办',
      rows: rows.map((r) => ({ ...cellOf(r), input: { grade: 'B' } })),
    });
    await w.call('scores.submit', { planId, body: '县政府办' });
    return { input: { planId, body: '县政府办', reason: '评分依据不足' } };
  },
  'scores.import': async (w) => {
    const { planId } = await scoringGrid(w, '县应急局');
    const file = await w.call<{ fileName: string; base64: string }>('scores.template', { planId, body: '县应急局' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    wb.worksheets[0]!.getCell(4, 7).value = '否';
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    return { input: { planId, body: '县应急局', fileName: file.fileName, base64 } };
  },
};

type GridRow = { indicatorId: number; unitId: number; targetId: number | null };
const cellOf = (r: GridRow) => ({ indicatorId: r.indicatorId, unitId: r.unitId, targetId: r.targetId });

/** The running year in 考核评分, and a body's grid. */
async function scoringGrid(w: World, body: string) {
  const planId = await w.once('scoring', async () => {
    const { plan } = await w.running();
    await w.call('plans.setState', { id: plan.id, to: 'scoring' });
    return plan.id;
  });
  const grid = await w.call<{ rows: GridRow[] }>('scores.grid', { planId, body, limit: 500 });
  return { planId, rows: grid.rows };
}
