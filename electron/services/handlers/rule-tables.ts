import { AppError } from '../../contract';
import { ruleKindLabel, ruleRowsProblem } from '../../contract/channels/rule-tables';
import { ruleTableKind, ruleTableSpecs, type RuleTableKindName } from '../../vocab';
import type { HandlerContext, Handlers } from '../handler';
import {
  addRuleTableVersion,
  listRuleTables,
  type RuleTableRecord,
  ruleTableById,
  ruleTableVersion,
  ruleTableVersions,
} from '../../../db/repos/rule-tables';

const isKind = (k: string): k is RuleTableKindName => (ruleTableKind.values as readonly string[]).includes(k);

const view = (t: RuleTableRecord) => ({ ...t, kindLabel: ruleKindLabel(t.kind) });

function mustTable(ctx: HandlerContext, id: number): RuleTableRecord & { kind: RuleTableKindName } {
  const t = ruleTableById(ctx.sqlite, id);
  if (!t) throw new AppError('NOT_FOUND', '没有找到这张规则表，请刷新。');
  // a table of a kind this version of the program does not know came from a newer one: shown, never rewritten
  if (!isKind(t.kind)) throw new AppError('RULE_VIOLATION', `规则表“${t.name}”的类型本程序不认识，请升级后再查看。`);
  return t as RuleTableRecord & { kind: RuleTableKindName };
}

/** Rows compared by content, whatever order their keys were written in. */
const same = (a: unknown[], b: unknown[]) =>
  JSON.stringify(a.map((r) => Object.entries(r as object).sort())) ===
  JSON.stringify(b.map((r) => Object.entries(r as object).sort()));

export const ruleTablesHandlers: Handlers<
  'rule-tables.list' | 'rule-tables.get' | 'rule-tables.history' | 'rule-tables.save'
> = {
  'rule-tables.list': (ctx) => listRuleTables(ctx.sqlite).map(view),

  'rule-tables.get': (ctx, input) => {
    const t = mustTable(ctx, input.id);
    const n = input.version ?? t.currentVersion;
    const v = ruleTableVersion(ctx.sqlite, t.id, n);
    if (!v) throw new AppError('NOT_FOUND', `规则表“${t.name}”没有第 ${n} 版。`);
    const spec = ruleTableSpecs[t.kind];
    return {
      table: view(t),
      columns: spec.columns.map((c) => ({ ...c, options: 'options' in c ? [...c.options] : undefined })),
      required: [...spec.required],
      version: v,
    };
  },

  'rule-tables.history': (ctx, input) => ruleTableVersions(ctx.sqlite, mustTable(ctx, input.id).id),

  /** Every save is a new version; the one before stays readable, and results computed with it keep naming it. */
  'rule-tables.save': (ctx, input) => {
    const t = mustTable(ctx, input.id);
    if (!t.own)
      throw new AppError('RULE_VIOLATION', `规则表“${t.name}”来自其他级别，只能查看；本级的规则请在本级规则表中修改。`);
    if (input.basedOn !== t.currentVersion)
      throw new AppError(
        'CONFLICT',
        `规则表“${t.name}”已有第 ${t.currentVersion} 版（您修改的是第 ${input.basedOn} 版），请刷新后重新修改。`,
      );
    const checked = ruleRowsProblem(t.kind, input.rows);
    if ('problem' in checked) throw new AppError('INVALID_INPUT', `规则表“${t.name}”${checked.problem}`);
    const current = ruleTableVersion(ctx.sqlite, t.id, t.currentVersion);
    if (current && same(current.rows, checked.rows))
      throw new AppError('INVALID_INPUT', '规则与当前版本相同，没有生成新版本。');
    const number = addRuleTableVersion(ctx.records, t, {
      rows: checked.rows,
      reason: input.reason,
      editedBy: ctx.caller.username,
    });
    ctx.audit(`ruleTable:${t.name}`, { from: t.currentVersion, to: number, reason: input.reason });
    return { number };
  },
};
