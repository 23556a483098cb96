/**
 * Every table is either exchanged between levels (and so carries uuid, owner_node and
 * version) or local to one installation. A new table must be listed in one of the two;
 * tests/unit/db/exchange-columns.test.ts enforces it against the migrated database.
 */
export const exchangedTables = ['categories', 'units', 'people', 'person_posts', 'documents', 'plans', 'indicators', 'targets', 'letters', 'progress_reports', 'report_attachments', 'notices', 'notice_replies', 'rectifications', 'checks', 'findings', 'reply_attachments'] as const;
export const localTables = ['nodes', 'settings', 'audit_log', 'users', 'backups', 'calendar_days', 'doc_sequences'] as const;
