import type Database from 'better-sqlite3';
import type { ArchiveLine } from '../../core/person-facts';
import { auditKind, complaintCategory } from '../../vocab';
import { substantiatedOnPerson } from '../../../db/repos/complaints';
import { auditResultsOfLeader } from '../../../db/repos/audit-findings';
import { yuan } from '../../core';

/**
 * What the supervision web puts in a person's archive (the people module gathers it, see core/person-facts.ts):
 * substantiated complaints naming the person, and the audit results of a leader (经济责任审计 and any audit naming him).
 * Complaints are case-like content (restricted to evaluator and leader); an audit result is the office's record.
 */
export function supervisionArchiveLines(db: Database.Database, personId: number): ArchiveLine[] {
  const complaints: ArchiveLine[] = substantiatedOnPerson(db, personId).map((c) => ({
    personId,
    section: 'complaint',
    date: c.concludedOn,
    title: `投诉查实（${complaintCategory.label(c.category)}）`,
    detail: `${c.unitName}：${c.content}${c.result ? `。办理结果：${c.result}` : ''}`,
    restricted: true,
    source: { kind: 'complaint', uuid: c.uuid, label: c.ref ? `投诉 ${c.ref}` : `投诉（${c.concludedOn}）` },
  }));
  const audits: ArchiveLine[] = auditResultsOfLeader(db, personId).map((a) => ({
    personId,
    section: 'audit',
    date: a.reportedOn,
    title: `${auditKind.label(a.kind)}审计（${a.period}）`,
    detail:
      `${a.unitName}：${a.result ?? a.findings}` +
      (a.amountCents ? `；问题金额 ${yuan(a.amountCents)} 元` : '') +
      (a.reportNo ? `（${a.reportNo}）` : ''),
    restricted: false,
    source: { kind: 'audit_finding', uuid: a.uuid, label: a.reportNo ?? `${auditKind.label(a.kind)}审计` },
  }));
  return [...complaints, ...audits].sort((x, y) => x.date.localeCompare(y.date));
}
