import { AppError } from '../../contract';
import { buildEfficiencyReport, chineseDate, efficiencyReportTitle } from '../../core';
import { discardUnlessCommitted, documentsDir, prepareDocument, type PreparedDocument } from '../documents/issue';
import type { HandlerContext } from '../handler';
import { readBasicSettings } from '../handlers/settings';
import { todayOf } from '../org/write';
import { efficiencyPoints } from './points';
import { costsOf, efficiencyOf } from './view';

export interface Period {
  year: number;
  quarter: number | null;
}

/** What the list and its workbook show: the period's figures and, beside them, its year's costs if any. */
export function publication(ctx: HandlerContext, p: Period) {
  const e = efficiencyOf(ctx.sqlite, { ...p, today: todayOf(ctx.now) });
  const c = costsOf(ctx.sqlite, p.year);
  const points = efficiencyPoints(ctx.sqlite, p.year, readBasicSettings(ctx).level, e.units);
  return { e, costs: c.rows.length ? c : null, points };
}

/** Renders the 通报 outside the write (GB/T 9704 engine) under a pending name; numbered when registered. */
export async function prepareEfficiencyReport(
  ctx: HandlerContext,
  p: Period,
): Promise<{ doc: PreparedDocument; cases: number }> {
  const { e, costs, points } = publication(ctx, p);
  if (e.units.length === 0)
    throw new AppError('RULE_VIOLATION', `${e.period.label}还没有受理的审批办件，请先导入审批办件。`);
  const settings = readBasicSettings(ctx);
  const issuer = settings.issuingBodies[0] || settings.unitName;
  if (!issuer)
    throw new AppError('RULE_VIOLATION', '还没有设置发文机关名称：请系统管理员在“系统设置 → 本单位”中填写后再发文。');
  const date = todayOf(ctx.now);
  const year = Number(date.slice(0, 4));
  const doc = await prepareDocument({
    sqlite: ctx.sqlite,
    demo: ctx.env.demo,
    outDir: documentsDir(ctx.env.dataDir, 'efficiency', year),
    kind: 'efficiency',
    prefix: settings.docPrefixes.efficiency,
    year,
    title: efficiencyReportTitle(e.period.label),
    build: (number) =>
      buildEfficiencyReport({
        issuer,
        number,
        period: e.period.label,
        date,
        recipients: '各乡镇人民政府，县直各部门',
        rule: `${e.rule}未办结的办件截至${chineseDate(e.asOf)}计算。`,
        units: e.units.map((u) => ({ ...u, unit: u.unitName, points: points?.byUnit.get(u.unitId) ?? null })),
        pointsHeader: points?.header ?? null,
        over: e.over.map((o) => ({
          unit: o.unitName,
          item: o.item,
          caseNo: o.caseNo,
          acceptedOn: o.acceptedOn,
          completedOn: o.completedOn,
          limit: `${o.limitKind === 'promised' ? '承诺' : '法定'}${o.limit}日`,
          days: o.days,
          overBy: o.overBy,
        })),
        costs: costs && {
          year: costs.year,
          method: costs.methodText,
          rows: costs.rows.map((c) => ({
            unit: c.unitName,
            publicFunds: c.publicFunds,
            threePublic: c.threePublic,
            perStaff: c.perStaff,
            share: c.share === null ? '—' : `${Math.round(c.share * 10000) / 100}%`,
            explain: c.explain,
          })),
        },
      }),
  });
  discardUnlessCommitted(ctx, doc);
  return { doc, cases: e.units.reduce((a, u) => a + u.cases, 0) };
}
