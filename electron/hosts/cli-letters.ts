import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ChannelName, ChannelOutput, Result } from '../contract';
import { stepSize } from '../services/handlers/letters-batch';
import { fsyncDir, fsyncFile } from '../services/attachments';
import { storageError } from '../services/backup/errors';
import { type ParsedArgs, flagString } from './args';

type Call = (channel: ChannelName, input: unknown) => Promise<Result<unknown>>;
interface Out {
  out(text: string): void;
  err(text: string): void;
}

export const LETTERS_USAGE = `  kaoping letters generate --plan <年度> [--unit <单位代码>] --out <目录> --as <考评员>
                                                     生成未生成或已过时的目标责任书（每单位一份，另加合订本；已是最新的不重新生成，照原样复制）并复制到目录`;

/**
 * Writes a copy under a temporary name and renames it, so a full or pulled disk never leaves a file that looks
 * complete.
 */
function copyOut(dir: string, fileName: string, base64: string): string {
  const target = path.join(dir, fileName);
  const pending = path.join(dir, `.${randomUUID()}.pending`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(pending, Buffer.from(base64, 'base64'), { flag: 'wx' });
    fsyncFile(pending);
    fs.renameSync(pending, target);
    fsyncDir(dir);
    return target;
  } catch (e) {
    fs.rmSync(pending, { force: true });
    throw storageError(e, '复制责任书', dir);
  }
}

/** `letters generate`: one letter per unit of the year's plan (or one unit), each registered, then copied to --out. */
export function lettersCommand(args: ParsedArgs, io: Out): ((call: Call) => Promise<number>) | null {
  const year = Number(flagString(args, 'plan'));
  const out = flagString(args, 'out');
  const unitCode = flagString(args, 'unit');
  if (!Number.isInteger(year) || !out) return null;
  return async (call) => {
    const fail = (r: Result<unknown>) => {
      if (!r.ok) io.err(`失败（${r.error.code}）：${r.error.message}`);
      return 1;
    };
    const plans = await call('plans.list', {});
    if (!plans.ok) return fail(plans);
    const plan = (plans.value as { id: number; year: number; title: string }[]).find((p) => p.year === year);
    if (!plan) {
      io.err(`没有 ${year} 年度的考核方案。`);
      return 1;
    }
    const list = await call('letters.list', { planId: plan.id });
    if (!list.ok) return fail(list);
    type Row = {
      unitId: number;
      unitCode: string;
      unitName: string;
      signedDate: string | null;
      documentId: number | null;
      number: string | null;
      voided: boolean;
      stale: boolean;
    };
    let rows = (list.value as Row[]).filter((r) => !r.signedDate);
    if (unitCode) {
      rows = rows.filter((r) => r.unitCode === unitCode);
      if (rows.length === 0) {
        io.err(`方案中没有单位代码为“${unitCode}”且尚未签订的单位。`);
        return 1;
      }
    }
    if (rows.length === 0) {
      io.err('没有需要生成责任书的单位（没有目标任务，或均已签订）。');
      return 1;
    }
    const copy = async (documentId: number): Promise<string> => {
      const c = await call('documents.content', { id: documentId });
      if (!c.ok) throw new Error(c.error.message);
      const v = c.value as { fileName: string; base64: string };
      return copyOut(out, v.fileName, v.base64);
    };
    let failed = 0;
    let skipped = 0;
    let done = 0;
    const line = (r: Row, text: string) => `[${++done}/${rows.length}] ${r.unitCode} ${r.unitName}：${text}`;
    // a current letter is not generated again (that would void its number): its file is copied as it is
    const todo: Row[] = [];
    for (const r of rows) {
      if (!(r.documentId && !r.voided && !r.stale)) {
        todo.push(r);
        continue;
      }
      skipped++;
      try {
        io.out(line(r, `${r.number} 已是最新，未重新生成 → ${await copy(r.documentId)}`));
      } catch (e) {
        io.err(`${r.number} 复制到“${out}”失败：${(e as Error).message}`);
        return 1;
      }
    }
    // the others in the batch's steps: rendered on every core, registered a step at a time
    const byUnit = new Map(todo.map((r) => [r.unitId, r]));
    const queue = todo.map((r) => r.unitId);
    const size = stepSize(queue.length);
    while (queue.length) {
      const g = await call('letters.generateMany', { planId: plan.id, unitIds: queue.splice(0, size) });
      if (!g.ok) return fail(g);
      const v = g.value as ChannelOutput<'letters.generateMany'>;
      for (const f of v.failed) {
        failed++;
        io.err(line(byUnit.get(f.unitId)!, f.message));
      }
      for (const id of v.skipped) {
        skipped++;
        io.out(line(byUnit.get(id)!, '生成期间已由他人生成，未重复生成'));
      }
      for (const x of v.generated) {
        try {
          io.out(line(byUnit.get(x.unitId)!, `${x.number} → ${await copy(x.documentId)}`));
        } catch (e) {
          io.err(`${x.number} 已生成并登记，但复制到“${out}”失败：${(e as Error).message}`);
          return 1;
        }
      }
      if (v.generated.length + v.skipped.length + v.failed.length === 0) {
        io.err('批量生成没有进展（文号被反复占用），已停止；请稍后重试。');
        return 1;
      }
      queue.unshift(...v.remaining);
    }
    if (!unitCode && failed + skipped < rows.length) {
      const c = await call('letters.combine', { planId: plan.id });
      if (!c.ok) return fail(c);
      try {
        for (const v of (c.value as { volumes: { documentId: number }[] }).volumes)
          io.out(`合订本：${await copy(v.documentId)}`);
      } catch (e) {
        io.err(`合订本复制失败：${(e as Error).message}`);
        return 1;
      }
    }
    const said = [`生成 ${rows.length - failed - skipped} 份`];
    if (skipped) said.push(`跳过 ${skipped} 份（已是最新）`);
    if (failed) said.push(`失败 ${failed} 份（见上）`);
    io.out(`完成：${said.join('，')}。`);
    return failed ? 1 : 0;
  };
}
