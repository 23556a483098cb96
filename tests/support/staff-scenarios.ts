import ExcelJS from 'exceljs';
import type { ChannelName } from '../../electron/contract';
import type { Scenario } from './write-scenarios';
import type { World } from './world';

/** The people module's writes (公务员年度考核, the register of measures), each on a person of its own. */
async function person(w: World, name: string) {
  const unitId = await w.unit('SX-FGJ');
  const p = await w.call<{ id: number }>('people.create', { name, unitId, post: '科员', fromDate: '2018-03-01' });
  return { unitId, personId: p.id, year: 2026 };
}

const course = (w: World, title: string) =>
  w.call<{ id: number }>('training.save', {
    title,
    category: 'law',
    startDate: '2026-06-01',
    endDate: '2026-06-02',
    hours: 16,
  });

async function attendanceSheet(name: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('参加人员');
  ws.addRow(['姓名', '学时']);
  ws.addRow([name, 8]);
  return { fileName: '参加人员.xlsx', base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

export const staffScenarios: Partial<Record<ChannelName, Scenario>> = {
  'staff.grade': async (w) => ({ input: { ...(await person(w, '考核甲')), proposedGrade: 'competent' } }),
  'staff.scope': async (w) => ({ input: { ...(await person(w, '考核乙')), inScope: false, reason: '试用期内' } }),
  'staff.unitGrade': async (w) => ({ input: { year: 2026, unitId: await w.unit('SX-CZJ'), unitGrade: '良好' } }),
  'staff.confirm': async (w) => {
    const unitId = await w.unit('SX-DHX');
    const p = await w.call<{ id: number }>('people.create', { name: '考核丙', unitId, fromDate: '2018-03-01' });
    const round = await w.call<{ people: { personId: number }[] }>('staff.round', { year: 2026, unitId });
    for (const x of round.people)
      await w.call('staff.grade', { year: 2026, unitId, personId: x.personId, finalGrade: 'competent' });
    void p;
    return { input: { year: 2026, unitId } };
  },
  'staff.saveSettings': async () => ({
    input: { excellentShare: 15, byUnitGrade: true, movedUnit: 'yearEnd', trainingHours: 60 },
  }),
  'measures.save': async (w) => {
    const { personId } = await person(w, '考核丁');
    return {
      input: { personId, category: 'accountability', measure: '诫勉', body: '县纪委监委', decidedOn: '2026-03-02' },
    };
  },
  'measures.remove': async (w) => {
    const { personId } = await person(w, '考核戊');
    const m = await w.call<{ id: number }>('measures.save', {
      personId,
      category: 'government',
      measure: '警告',
      body: '县监委',
      decidedOn: '2026-04-01',
    });
    return { input: { id: m.id } };
  },
  'training.save': async () => ({
    input: { title: '法律法规专题培训', category: 'law', startDate: '2026-06-01', endDate: '2026-06-02', hours: 16 },
  }),
  'training.remove': async (w) => ({ input: { id: (await course(w, '待删除的培训')).id } }),
  'training.attend': async (w) => {
    const { personId } = await person(w, '培训甲');
    return { input: { trainingId: (await course(w, '培训一')).id, personId } };
  },
  'training.unattend': async (w) => {
    const { personId } = await person(w, '培训乙');
    const { id } = await course(w, '培训二');
    await w.call('training.attend', { trainingId: id, personId });
    return { input: { trainingId: id, personId } };
  },
  'measures.import': async (w) => {
    await person(w, '处分甲');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('处分与组织处理');
    ws.addRow(['姓名', '类别', '处分或处理', '决定机关', '决定日期']);
    ws.addRow(['处分甲', '政务处分', '警告', '县监委', '2026-04-01']);
    return {
      input: { fileName: '处分.xlsx', base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') },
    };
  },
  'training.import': async (w) => {
    await person(w, '培训丙');
    return { input: { trainingId: (await course(w, '培训三')).id, ...(await attendanceSheet('培训丙')) } };
  },
};
