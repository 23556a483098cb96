CREATE TABLE `rule_table_versions` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`table_id` integer NOT NULL,
	`number` integer NOT NULL,
	`rows` text NOT NULL,
	`reason` text NOT NULL,
	`edited_by` text NOT NULL,
	`edited_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`table_id`) REFERENCES `rule_tables`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "rule_table_versions_number_ck" CHECK("rule_table_versions"."number" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rule_table_versions_uuid_unique` ON `rule_table_versions` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `rule_table_versions_number_unique` ON `rule_table_versions` (`table_id`,`number`);--> statement-breakpoint
CREATE INDEX `rule_table_versions_table_idx` ON `rule_table_versions` (`table_id`);--> statement-breakpoint
CREATE TABLE `rule_tables` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`current_version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "rule_tables_version_ck" CHECK("rule_tables"."current_version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rule_tables_uuid_unique` ON `rule_tables` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `rule_tables_kind_owner_unique` ON `rule_tables` (`kind`,`owner_node`);--> statement-breakpoint
-- custom: a version of a rule table is never rewritten (a frozen result names it); only a tombstone may follow
CREATE TRIGGER `rule_table_versions_frozen` BEFORE UPDATE OF `table_id`, `number`, `rows`, `reason`, `edited_by`, `edited_at` ON `rule_table_versions`
BEGIN
	SELECT RAISE(ABORT, '规则表的历史版本不能修改');
END;
