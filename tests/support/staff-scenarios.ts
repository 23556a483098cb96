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

/**
 * Eight people of 价格科 (a unit no other scenario grades; 优秀 names one even at a 15 % share), made once; each
 * 优秀 公示 below takes a year of its own.
 */
const priceOffice = (w: World) =>
  w.once('priceOffice', async () => {
    const unitId = await w.unit('SX-FGJ-JGK');
    const people: number[] = [];
    for (let i = 1; i <= 8; i++)
      people.push(
        (
          await w.call<{ id: number }>('people.create', {
            name: `价格${i}`,
            unitId,
            post: '科员',
            fromDate: '2018-03-01',
          })
        ).id,
      );
    return { unitId, people };
  });

/** The year's 优秀 of 价格科 proposed (one person) and, unless `open` is false, put to its 公示. */
async function posted(w: World, year: number, open = true) {
  const { unitId, people } = await priceOffice(w);
  const personId = people[year % 5]!;
  await w.call('staff.grade', { year, unitId, personId, proposedGrade: 'excellent' });
  if (!open) return { unitId, personId, postingId: 0 };
  const p = await w.call<{ id: number }>('staff.publicize', {
    year,
    unitId,
    startDate: w.today(),
    workingDays: 5,
    phone: '0000-1',
  });
  // a 公示 asked for on a weekend starts on the next working day: objections are received from then on
  const v = await w.call<{ posting: { startDate: string } }>('staff.posting', { year, unitId });
  while (w.today() < v.posting.startDate) w.later(1);
  return { unitId, personId, postingId: p.id };
}

async function objected(w: World, year: number) {
  const p = await posted(w, year);
  await w.call('staff.objectionRegister', {
    postingId: p.postingId,
    raiserName: '王某',
    raiserContact: '1',
    receivedDate: w.today(),
    content: '有异议',
    personId: p.personId,
  });
  const v = await w.call<{ objections: { id: number }[] }>('staff.posting', { year, unitId: p.unitId });
  return { ...p, objectionId: v.objections[0]!.id };
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
  'staff.publicize': async (w) => {
    const p = await posted(w, 2021, false);
    return { input: { year: 2021, unitId: p.unitId, startDate: w.today(), workingDays: 5, phone: '0000-1' } };
  },
  'staff.objectionRegister': async (w) => {
    const p = await posted(w, 2022);
    return {
      input: {
        postingId: p.postingId,
        raiserName: '王某',
        raiserContact: '1',
        receivedDate: w.today(),
        content: '有异议',
        personId: p.personId,
      },
    };
  },
  'staff.objectionInvestigate': async (w) => ({
    input: { id: (await objected(w, 2023)).objectionId, investigation: '经核实' },
  }),
  'staff.objectionAnswer': async (w) => {
    const o = await objected(w, 2024);
    await w.call('staff.objectionInvestigate', { id: o.objectionId, investigation: '经核实' });
    return { input: { id: o.objectionId, outcome: 'upheld', answer: '异议成立' } };
  },
  'staff.confirmExcellent': async (w) => {
    const p = await posted(w, 2025);
    w.later(10);
    return { input: { postingId: p.postingId } };
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
