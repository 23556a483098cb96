import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract';
import { formatDocNumber, letterLifecycle, letterTitle } from '../../core';
import { step } from '../../core/lifecycle';
import { takeAndRegister, peekNextSeq, voidDocument } from '../../../db/repos/documents';
import { lettersOf, type LetterRecord, saveLetterRow } from '../../../db/repos/letters';
import { type UnitFacts, unitFacts } from '../../../db/repos/org';
import { type PlanRecord, planUuid } from '../../../db/repos/plans';
import { findUserByName } from '../../../db/repos/users';
import { fsyncDir } from '../attachments';
import { storageError } from '../backup/errors';
import { documentFileName, documentsDir } from '../documents/issue';
import { pendingPath, writePending } from '../documents/pending';
import { faultPoint } from '../fault';
import { type HandlerContext, type Handlers, prepared } from '../handler';
import { todayOf } from '../org/write';
import { letterFacts, letterRun } from '../plans/letter-input';
import { letterStateOf, upToDate } from './letters';
import { current } from './letters-list';
import { mustPlan, requireRule } from './plans';
import { readBasicSettings } from './settings';

/**
 * A batch's step: up to 100 letters rendered on the worker pool, their files written and fsynced in the
 * background, then registered in one transaction, each with its own number and audit entry. Numbers are
 * consecutive, so a letter that cannot be registered sends the ones numbered after it back to the batch
 * (`remaining`), to be rendered again with the next numbers: a number is never skipped.
 */

interface Item {
  unit: UnitFacts;
  seq: number;
  number: string;
  fileName: string;
  pending: string;
  sha256: string;
  model: string;
  fingerprint: string;
}

interface Prepared {
  plan: PlanRecord;
  uuid: string;
  prefix: string;
  year: number;
  outDir: string;
  items: Item[];
  skipped: number[];
  failed: { unitId: number; item: string; message: string }[];
  remaining: number[];
}

const itemOf = (u: UnitFacts) => `${u.code} ${u.name}`;
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** What the batch may not do to a letter in this state (signed): the lifecycle's own words. */
function refusal(ctx: HandlerContext, u: UnitFacts, l: LetterRecord | undefined): string | null {
  const r = step(letterLifecycle, letterStateOf(l), 'generate', { role: ctx.caller.role, subject: `${u.name}的` });
  return r.ok ? null : r.message;
}

async function prepare(ctx: HandlerContext, input: { planId: number; unitIds: number[] }): Promise<Prepared> {
  const plan = mustPlan(ctx, input.planId);
  requireRule(plan, 'letters');
  const settings = readBasicSettings(ctx);
  const ids = [...new Set(input.unitIds)];
  const units = unitFacts(ctx.sqlite, ids);
  const run = letterRun(ctx.sqlite, settings, plan, letterFacts(ctx.sqlite, plan.id, ids));
  const letters = new Map(lettersOf(ctx.sqlite, plan.id, ids).map((l) => [l.unitId, l]));
  const out: Prepared = {
    plan,
    uuid: planUuid(ctx.sqlite, plan.id)!,
    prefix: settings.docPrefixes.letter,
    year: 0,
    outDir: '',
    items: [],
    skipped: [],
    failed: ids
      .filter((id) => !units.some((u) => u.unitId === id))
      .map((unitId) => ({ unitId, item: `单位 ${unitId}`, message: '没有找到这个单位，请刷新。' })),
    remaining: [],
  };
  const todo: { unit: UnitFacts; input: ReturnType<typeof current>['input']; fingerprint: string }[] = [];
  for (const unit of units) {
    const existing = letters.get(unit.unitId);
    const refused = refusal(ctx, unit, existing);
    if (refused) {
      out.failed.push({ unitId: unit.unitId, item: itemOf(unit), message: refused });
      continue;
    }
    const now = current(ctx, settings, plan, unit, run);
    if (upToDate(existing, now)) out.skipped.push(unit.unitId);
    else if (now.blockers.length)
      out.failed.push({
        unitId: unit.unitId,
        item: itemOf(unit),
        message: `${unit.name}的责任书不能生成：${now.blockers.join('；')}。`,
      });
    else todo.push({ unit, input: now.input, fingerprint: now.fingerprint });
  }
  if (todo.length === 0) return out;

  const date = todayOf(ctx.now);
  out.year = Number(date.slice(0, 4));
  out.outDir = documentsDir(ctx.env.dataDir, 'letter', out.year);
  const seq0 = peekNextSeq(ctx.sqlite, out.prefix, out.year);
  const written: string[] = [];
  ctx.onAbort(() => written.forEach((f) => fs.rmSync(f, { force: true })));
  const done: (Item | null)[] = todo.map(() => null);
  const renderErrors = new Map<number, string>();
  let disk: unknown = null;
  let next = 0;
  // each lane takes the next letter: renders it on the pool, writes and fsyncs its file; enough lanes to keep every
  // worker busy while files are written
  const lane = async () => {
    while (next < todo.length && !ctx.signal?.aborted && disk === null) {
      const i = next++;
      const t = todo[i]!;
      const number = formatDocNumber(out.prefix, out.year, seq0 + i);
      let r;
      try {
        r = await ctx.app.render.run({ kind: 'letter', input: { ...t.input, number, date } });
      } catch (e) {
        renderErrors.set(i, messageOf(e));
        continue;
      }
      const fileName = documentFileName(number, `${t.unit.name}${letterTitle(plan.year)}`);
      const pending = pendingPath(out.outDir, fileName);
      written.push(pending);
      try {
        faultPoint('documents:write:enospc');
        await writePending(pending, r.bytes);
        faultPoint('letters:pending:kill');
      } catch (e) {
        disk ??= e;
        continue;
      }
      done[i] = { ...t, seq: seq0 + i, number, fileName, pending, sha256: r.sha256, model: r.model };
    }
  };
  try {
    fs.mkdirSync(out.outDir, { recursive: true });
  } catch (e) {
    throw storageError(e, '公文生成', out.outDir);
  }
  await Promise.all(Array.from({ length: Math.max(2, ctx.app.render.size * 2) }, lane));
  if (disk !== null) throw storageError(disk, '公文生成', out.outDir);
  // the letters numbered without a gap are registered; a failed render is reported, those after it go back
  let k = 0;
  while (k < todo.length && done[k]) out.items.push(done[k++]!);
  if (k < todo.length && renderErrors.has(k)) {
    const u = todo[k]!.unit;
    out.failed.push({
      unitId: u.unitId,
      item: itemOf(u),
      message: `${u.name}的责任书生成出错：${renderErrors.get(k)}`,
    });
    k++;
  }
  out.remaining.push(...todo.slice(k).map((t) => t.unit.unitId));
  for (const d of done.slice(k)) if (d) fs.rmSync(d.pending, { force: true });
  return out;
}

function register(ctx: HandlerContext, input: { planId: number }, p: Prepared) {
  const plan = mustPlan(ctx, input.planId);
  // once a transaction, not once a letter: the same plan, still published, and someone still entitled to do this
  if (planUuid(ctx.sqlite, plan.id) !== p.uuid || plan.state !== 'published')
    throw new AppError('CONFLICT', '方案状态已改变（或数据已从备份恢复），批量生成已停止。');
  const { caller } = ctx;
  const user = caller.userId === null ? null : findUserByName(ctx.db, caller.username);
  if (caller.userId !== null && (!user || user.disabled || user.role !== caller.role))
    throw new AppError('CONFLICT', `账号“${caller.username}”已停用或角色已变更，批量生成已停止。`);
  const result = {
    generated: [] as { unitId: number; documentId: number; number: string }[],
    skipped: [...p.skipped],
    failed: [...p.failed],
    remaining: [...p.remaining],
  };
  const settings = readBasicSettings(ctx);
  const run = letterRun(
    ctx.sqlite,
    settings,
    plan,
    letterFacts(
      ctx.sqlite,
      plan.id,
      p.items.map((i) => i.unit.unitId),
    ),
  );
  const letters = new Map(
    lettersOf(
      ctx.sqlite,
      plan.id,
      p.items.map((i) => i.unit.unitId),
    ).map((l) => [l.unitId, l]),
  );
  // the units as they are now (a new unit head prints differently)
  const units = new Map(
    unitFacts(
      ctx.sqlite,
      p.items.map((i) => i.unit.unitId),
    ).map((u) => [u.unitId, u]),
  );
  const registered: Item[] = [];
  let stop = p.items.length;
  for (const [n, it] of p.items.entries()) {
    const existing = letters.get(it.unit.unitId);
    const unit = units.get(it.unit.unitId);
    const now = unit ? current(ctx, settings, plan, unit, run) : null;
    // what changed while the letters were rendered: this one is not registered, those numbered after it go back
    const problem = existing?.signedDate
      ? '生成期间该单位的责任书已签订，本份未生成。'
      : now?.fingerprint !== it.fingerprint
        ? '生成期间目标任务、指标或责任书条款被修改，本份未生成，请重新生成。'
        : null;
    const already = !problem && !!now && upToDate(existing, now);
    const documentId =
      problem || already
        ? null
        : takeAndRegister(ctx.sqlite, ctx.records, {
            kind: 'letter',
            prefix: p.prefix,
            year: p.year,
            seq: it.seq,
            number: it.number,
            title: `${it.unit.name}${letterTitle(plan.year)}`,
            fileName: it.fileName,
            sha256: it.sha256,
            subject: `letter:${plan.year}:${it.unit.code}`,
            madeBy: caller.username,
          });
    if (documentId === null) {
      if (problem) result.failed.push({ unitId: it.unit.unitId, item: itemOf(it.unit), message: problem });
      else if (already) result.skipped.push(it.unit.unitId);
      // its number was taken meanwhile (a letter generated on its own): the whole step is prepared again
      else if (n === 0) throw new AppError('CONFLICT', `文号 ${it.number} 刚被另一份公文取用。`, { retry: true });
      stop = problem || already ? n + 1 : n;
      break;
    }
    const replaced = existing?.documentId && !existing.voided ? existing.documentId : null;
    if (replaced) voidDocument(ctx.records, replaced, caller.username, `重新生成，由 ${it.number} 取代`);
    saveLetterRow(ctx.records, {
      planId: plan.id,
      unitId: it.unit.unitId,
      documentId,
      model: it.model,
      fingerprint: it.fingerprint,
    });
    ctx.auditEach(`document:${it.number}`, {
      kind: 'letter',
      plan: plan.year,
      unit: it.unit.code,
      sha256: it.sha256,
      replaced,
    });
    result.generated.push({ unitId: it.unit.unitId, documentId, number: it.number });
    registered.push(it);
  }
  const dropped = p.items.slice(registered.length);
  result.remaining.unshift(...p.items.slice(stop).map((i) => i.unit.unitId));
  if (registered.length)
    ctx.audit(`letters:${plan.year}`, {
      kind: 'letters',
      letters: registered.length,
      numbers: [registered[0]!.number, registered.at(-1)!.number],
    });
  // named only after the commit, the folder synced once for all of them
  ctx.afterCommit(() => {
    faultPoint('letters:commit:kill');
    for (const it of registered) fs.renameSync(it.pending, path.join(p.outDir, it.fileName));
    if (registered.length) fsyncDir(p.outDir);
    for (const it of dropped) fs.rmSync(it.pending, { force: true });
  });
  return result;
}

export const lettersManyHandlers: Handlers<'letters.generateMany'> = {
  'letters.generateMany': prepared(prepare, register),
};
