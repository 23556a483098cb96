import { AppError } from '../../contract';
import { buildAccountabilityBulletin } from '../../core';
import { faultCategory } from '../../vocab';
import { type Handlers, prepared } from '../handler';
import { todayOf } from '../org/write';
import { discardUnlessCommitted, documentsDir, prepareDocument, registerDocument } from '../documents/issue';
import { readBasicSettings } from './settings';
import { issuerOf } from '../accountability/issue';
import { caseStatsOf, decisionsInForce } from '../accountability/stats';
import { caseStatsWorkbook } from '../excel/cases-export';

/** 问责统计 by state, category, form and unit; its Excel export; the yearly 问责情况通报. */
export const caseStatsHandlers: Handlers<'cases.stats' | 'cases.export' | 'cases.bulletin'> = {
  'cases.stats': (ctx, input) => caseStatsOf(ctx.sqlite, input.year),
  'cases.export': prepared(
    async (ctx, input) => {
      const s = caseStatsOf(ctx.sqlite, input.year);
      return {
        n: s.decisions,
        bytes: await caseStatsWorkbook(input.year, s, decisionsInForce(ctx.sqlite, input.year)),
      };
    },
    (ctx, input, p) => {
      ctx.audit(`cases:${input.year}`, { exported: p.n });
      return { fileName: `${input.year}年度问责统计.xlsx`, base64: p.bytes.toString('base64') };
    },
  ),
  'cases.bulletin': prepared(
    async (ctx, input) => {
      const s = caseStatsOf(ctx.sqlite, input.year);
      const decisions = decisionsInForce(ctx.sqlite, input.year).filter((d) => d.state === 'served');
      if (decisions.length === 0)
        throw new AppError('RULE_VIOLATION', `${input.year}年还没有已送达的问责决定，无需通报。`);
      const issuer = issuerOf(ctx);
      const date = todayOf(ctx.now);
      const year = Number(date.slice(0, 4));
      const byForm = new Map<string, number>();
      for (const d of decisions) for (const f of d.forms) byForm.set(f, (byForm.get(f) ?? 0) + 1);
      const doc = await prepareDocument({
        sqlite: ctx.sqlite,
        demo: ctx.env.demo,
        outDir: documentsDir(ctx.env.dataDir, 'accountabilityBulletin', year),
        kind: 'accountabilityBulletin',
        prefix: readBasicSettings(ctx).docPrefixes.accountabilityBulletin,
        year,
        title: `关于${input.year}年度问责情况的通报`,
        build: (number) =>
          buildAccountabilityBulletin({
            issuer,
            number,
            year: input.year,
            date,
            total: decisions.length,
            byCategory: faultCategory.values.map((k) => ({
              label: faultCategory.label(k),
              n: decisions.filter((d) => d.faultCategory === k).length,
            })),
            byForm: [...byForm].map(([label, n]) => ({ label, n })),
            rows: decisions.map((d) => ({
              unit: d.unitName,
              subject: d.subjectKind === 'person' ? `${d.subjectName}（${d.post ?? ''}）` : d.subjectName,
              category: faultCategory.label(d.faultCategory),
              forms: d.forms.join('、'),
              number: d.number,
            })),
          }),
      });
      discardUnlessCommitted(ctx, doc);
      return { doc, n: s.decisions };
    },
    (ctx, input, p) => {
      const documentId = registerDocument(ctx, p.doc, { subject: `cases:${input.year}`, madeBy: ctx.caller.username });
      ctx.audit(`document:${p.doc.number}`, { kind: 'accountabilityBulletin', year: input.year, sha256: p.doc.sha256 });
      return { documentId, number: p.doc.number };
    },
  ),
};
