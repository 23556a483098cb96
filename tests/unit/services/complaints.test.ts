import { afterEach, describe, expect, it } from 'vitest';
import { maskPersonal } from '../../../electron/core';
import { readXlsxRows, supervisionWorld, xlsxFile } from '../../support/supervision-world';
import type { TestApp } from '../../support/app';

let t: TestApp;
afterEach(() => t?.close());

type Row = {
  id: number;
  complainantName: string | null;
  complainantPhone: string | null;
  fullContact: boolean;
  state: string;
  clueId: number | null;
  deadline: string;
  deadlineState: string | null;
};

const complaint = (unitId: number, extra: Record<string, unknown> = {}) => ({
  channel: 'hotline',
  ref: '12345-2026-0901',
  receivedOn: '2026-09-01',
  complainantName: '赵小明',
  complainantPhone: '13912345678',
  unitId,
  category: 'delay',
  content: '办理不动产登记往返三次仍未办结',
  handler: '李考评',
  workingDays: 15,
  ...extra,
});

describe('投诉', () => {
  it('masks the complainant for everyone but its handler, in lists and in the export', async () => {
    const w = await supervisionWorld();
    t = w.t;
    const saved = await w.call<Row>('complaints.save', complaint(w.unitId('SX-CZJ')));
    expect(saved).toMatchObject({ complainantName: '赵小明', complainantPhone: '13912345678', fullContact: true });
    // 15 working days from 2026-09-01 (no holidays entered)
    expect(saved.deadline).toBe('2026-09-22');
    expect(saved.deadlineState).toBe('overdue');
    const board = await w.call<{ supervision: { matter: string }[] }>('board.list', { unitId: w.unitId('SX-CZJ') });
    expect(board.supervision.map((x) => x.matter)).toEqual(['投诉：办理不动产登记往返三次仍未办结']);
    const other = (await w.as('evaluator', '王考评')<Row[]>('complaints.list', {}))[0]!;
    expect(other).toMatchObject({ complainantName: '赵**', complainantPhone: '139****5678', fullContact: false });
    const leader = (await w.as('leader', '张主任')<Row[]>('complaints.list', {}))[0]!;
    expect(leader.complainantPhone).toBe('139****5678');
    const file = await w.call<{ base64: string }>('complaints.export', {});
    const text = JSON.stringify(await readXlsxRows(Buffer.from(file.base64, 'base64')));
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('赵小明');
    expect(text).toContain('139****5678');
    // another evaluator cannot change the complainant, but saving the masked values keeps them
    const edit = {
      ...complaint(w.unitId('SX-CZJ')),
      id: saved.id,
      complainantName: '赵**',
      complainantPhone: '139****5678',
    };
    await w.as('evaluator', '王考评')('complaints.save', { ...edit, content: '办理不动产登记往返四次仍未办结' });
    expect((await w.call<Row[]>('complaints.list', {}))[0]!.complainantPhone).toBe('13912345678');
    await expect(
      w.as('evaluator', '王考评')('complaints.save', { ...edit, complainantPhone: '13000000000' }),
    ).rejects.toThrow('投诉人信息只有承办人（李考评）可以修改。');
  });

  it("counts the deadline again when the received date changes, with the complaint's own working days", async () => {
    const w = await supervisionWorld();
    t = w.t;
    await w.as('admin', '管理员')('calendar.set', { date: '2026-09-25', kind: 'holiday', note: '调休' });
    const saved = await w.call<Row & { workingDays: number }>(
      'complaints.save',
      complaint(w.unitId('SX-CZJ'), { workingDays: 10 }),
    );
    // 10 working days after Tuesday 2026-09-01
    expect(saved).toMatchObject({ deadline: '2026-09-15', workingDays: 10 });
    // the form sends the date changed and the days it shows; a change that leaves the days out keeps the 10
    const { workingDays: _days, ...withoutDays } = complaint(w.unitId('SX-CZJ'));
    const moved = await w.call<Row & { workingDays: number }>('complaints.save', {
      ...withoutDays,
      id: saved.id,
      receivedOn: '2026-09-14',
    });
    // 15–18, 21–24, 28, 29: the holiday on the 25th is not counted
    expect(moved).toMatchObject({ receivedOn: '2026-09-14', deadline: '2026-09-29', workingDays: 10 });
    const shorter = await w.call<Row>('complaints.save', {
      ...withoutDays,
      id: saved.id,
      receivedOn: '2026-09-14',
      workingDays: 5,
    });
    expect(shorter.deadline).toBe('2026-09-21');
    expect((await w.call<Row[]>('complaints.list', {}))[0]!.deadline).toBe('2026-09-21');
    const board = await w.call<{ supervision: { matter: string; deadline: string }[] }>('board.list', {
      unitId: w.unitId('SX-CZJ'),
    });
    expect(board.supervision.map((x) => x.deadline)).toEqual(['2026-09-21']);
  });

  it('one masking function: names, phones, ID numbers', () => {
    expect(maskPersonal('欧阳娜娜', 'name')).toBe('欧***');
    expect(maskPersonal('0571-88886666', 'phone')).toBe('057******6666');
    expect(maskPersonal('11010519491231002X', 'id')).toBe('110105********002X');
    expect(maskPersonal(null, 'phone')).toBeNull();
  });

  it('refuses a repeat, a stopped unit and an unmasked ID number; concludes, reopens, files one clue', async () => {
    const w = await supervisionWorld();
    t = w.t;
    const c = await w.call<Row>('complaints.save', complaint(w.unitId('SX-CZJ')));
    await expect(w.call('complaints.save', complaint(w.unitId('SX-CZJ')))).rejects.toThrow(
      '这件投诉与已登记的投诉重复（2026-09-01 受理，被投诉单位 示例县财政局，来件编号 12345-2026-0901），未重复登记。',
    );
    await expect(
      w.call(
        'complaints.save',
        complaint(w.unitId('SX-CZJ'), { ref: null, content: '身份证 11010519491231002X 的群众反映' }),
      ),
    ).rejects.toThrow('投诉内容含有未遮盖的身份证号');
    await w.call('units.setActive', { id: w.unitId('SX-DHX'), active: false });
    await expect(w.call('complaints.save', complaint(w.unitId('SX-DHX'), { ref: 'x-2' }))).rejects.toThrow(
      '被投诉单位“东河乡人民政府”已停用，不能登记对它的新投诉。',
    );
    await expect(
      w.call('complaints.conclude', { id: c.id, result: '属实', substantiated: true, concludedOn: '2026-08-01' }),
    ).rejects.toThrow('办结日期不能早于受理日期（2026-09-01）。');
    const done = await w.call<Row>('complaints.conclude', {
      id: c.id,
      result: '经核查属实，已责令整改并约谈',
      substantiated: true,
      concludedOn: '2026-09-20',
    });
    expect(done.state).toBe('closed');
    await expect(
      w.call('complaints.conclude', { id: c.id, result: 'x', substantiated: false, concludedOn: '2026-09-20' }),
    ).rejects.toThrow('这件投诉当前为“已办结”，不能办结');
    const clued = await w.call<Row>('complaints.toClue', { id: c.id });
    expect(clued.clueId).toBeGreaterThan(0);
    await expect(w.call('complaints.toClue', { id: c.id })).rejects.toThrow('这件投诉已转为问责线索。');
    await expect(w.as('leader')('complaints.toClue', { id: c.id })).rejects.toThrow();
    const reopened = await w.call<Row>('complaints.reopen', { id: c.id, reason: '投诉人不服' });
    expect(reopened).toMatchObject({ state: 'open', clueId: clued.clueId });
  });

  it('imports with a preview: a repeat shown, not imported twice; an ID number in a wrong column refuses', async () => {
    const w = await supervisionWorld();
    t = w.t;
    await w.call('complaints.save', complaint(w.unitId('SX-CZJ')));
    const head = [
      '来件编号',
      '投诉渠道',
      '受理日期',
      '投诉人',
      '联系电话',
      '被投诉单位',
      '被投诉人',
      '投诉类别',
      '投诉内容',
      '承办人',
    ];
    const good = [
      '12345-2026-0902',
      '12345 转办',
      '2026-09-02',
      '钱多多',
      '13700001111',
      '县教育局',
      '',
      '效率低下',
      '学籍证明开具慢',
      '',
    ];
    const repeat = [
      '12345-2026-0901',
      '12345转办',
      '2026/9/1',
      '赵小明',
      '13912345678',
      '示例县财政局',
      '',
      '推诿拖拉',
      '办理不动产登记',
      '',
    ];
    const swapped = [
      '',
      '电话',
      '2026-09-03',
      '孙某',
      '11010519491231002X',
      'SX-FGJ',
      '',
      '不作为',
      '反映窗口无人',
      '',
    ];
    const bad = await xlsxFile('投诉.xlsx', '投诉', [head, good, repeat, swapped]);
    type Preview = {
      rows: {
        row: number;
        status: string;
        messages: { column: string; message: string }[];
        warnings?: { message: string }[];
      }[];
      counts: Record<string, number>;
    };
    const p = await w.call<Preview>('complaints.importPreview', bad);
    expect(p.counts).toEqual({ create: 1, update: 0, same: 1, error: 1 });
    expect(p.rows[1]!.warnings![0]!.message).toContain('与已登记的投诉重复');
    expect(p.rows[2]!.messages).toContainEqual({
      column: '联系电话',
      message: '含有未遮盖的身份证号，请删除或遮盖（如 110101********1234）后再登记',
    });
    await expect(w.call('complaints.import', bad)).rejects.toThrow(
      '文件有 1 行错误，未导入任何内容。第 4 行：“联系电话”含有未遮盖的身份证号',
    );
    expect(await w.call<Row[]>('complaints.list', {})).toHaveLength(1);
    const ok = await xlsxFile('投诉.xlsx', '投诉', [head, good, repeat, good]);
    const done = await w.call<Preview>('complaints.import', ok);
    expect(done.counts).toEqual({ create: 1, update: 0, same: 2, error: 0 });
    const again = await w.call<Preview>('complaints.import', ok);
    expect(again.counts.create).toBe(0);
    expect(await w.call<Row[]>('complaints.list', {})).toHaveLength(2);
  });
});
