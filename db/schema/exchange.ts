/**
 * Every table is either exchanged between levels (and so carries uuid, owner_node, version,
 * timestamps and a tombstone, written only by db/records.ts) or local to one installation. A new
 * table must be listed in one of the two; tests/unit/db/schema.test.ts enforces it against the
 * migrated database.
 */
export const exchangedTables = [
  'categories',
  'units',
  'people',
  'person_posts',
  'documents',
  'plans',
  'indicators',
  'targets',
  'letters',
  'progress_reports',
  'report_attachments',
  'report_reviews',
  'notices',
  'notice_replies',
  'rectifications',
  'rectification_reports',
  'checks',
  'findings',
  'reply_attachments',
  'calendar_days',
  // results and rewards (#16): part of the plan
  'plan_scoring_rules',
  'plan_reward_rules',
  // the editable rule tables (issue #16): a result that travels can be read with the rows that made it
  'rule_tables',
  'rule_table_versions',
  // 审批效率与行政成本: office figures a county may send upward
  'approval_records',
  'admin_costs',
  // scoring (issue #16)
  'score_entries',
  'score_sheets',
  // scoring: the frozen results travel up (the upper level receives them), with their 公示 and 异议
  'score_snapshots',
  'publications',
  'objections',
  // accountability (#17): clues from any register (#18) and the cases they become
  'clues',
  // the supervision web (#18)
  'complaints',
  'audit_findings',
  'case_transfers',
  'joint_meetings',
  // 公开投诉渠道 (#18): published by the office, goes down to the departments as well
  'complaint_channels',
  'cases',
  'case_subjects',
  'case_decisions',
  'case_appeals',
  'incident_reviews',
  // people (#19): the civil servants' annual assessment, measures decided elsewhere, training
  'staff_rounds',
  'staff_assessments',
  'staff_measures',
  'trainings',
  'training_attendance',
  'staff_postings',
] as const;
export type ExchangedTable = (typeof exchangedTables)[number];

/**
 * Tables whose rows never go up to the parent: an office's rulings on reports its units' PCs sent up, which the
 * parent does not receive (only this level's own rows go up), so the ruling would name a report it does not hold.
 */
export const notSentUp: readonly ExchangedTable[] = ['report_reviews'];

/**
 * Tables whose rows never go down to a lower level: case content (clues, cases and their subjects, decisions and
 * appeals), complainants, and the measures on a person are read by the office's evaluators and leaders only
 * (DESIGN.md's roles), so a department's or a county's installation does not receive them. They still go up.
 */
export const notSentDown: readonly ExchangedTable[] = [
  'clues',
  'cases',
  'case_subjects',
  'case_decisions',
  'case_appeals',
  'incident_reviews',
  'complaints',
  'staff_measures',
];
export const localTables = [
  'nodes',
  'settings',
  'audit_log',
  'users',
  'backups',
  'doc_sequences',
  'change_counts',
  'target_changes',
  // exchange between levels (#20): keys, packages sent and received, what each peer acknowledged
  'node_keys',
  'exchange_packages',
  'exchange_sent_rows',
  'exchange_acks',
  'exchange_aliases',
] as const;
