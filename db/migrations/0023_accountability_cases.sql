CREATE TABLE `case_appeals` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`decision_id` integer NOT NULL,
	`kind` text DEFAULT 'appeal' NOT NULL,
	`received_on` text NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	`grounds` text NOT NULL,
	`answer_by` text NOT NULL,
	`outcome` text,
	`outcome_on` text,
	`outcome_note` text,
	`new_decision_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`decision_id`) REFERENCES `case_decisions`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "case_appeals_outcome_ck" CHECK("case_appeals"."outcome" is null or "case_appeals"."outcome" in ('upheld','changed','revoked'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_appeals_uuid_unique` ON `case_appeals` (`uuid`);--> statement-breakpoint
CREATE INDEX `case_appeals_decision_idx` ON `case_appeals` (`decision_id`);--> statement-breakpoint
CREATE TABLE `case_decisions` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`case_id` integer NOT NULL,
	`subject_id` integer NOT NULL,
	`state` text DEFAULT 'made' NOT NULL,
	`forms` text NOT NULL,
	`facts` text NOT NULL,
	`basis` text NOT NULL,
	`body` text NOT NULL,
	`decided_on` text NOT NULL,
	`forms_version` integer NOT NULL,
	`windows_version` integer NOT NULL,
	`document_id` integer NOT NULL,
	`service_document_id` integer,
	`served_on` text,
	`appeal_by` text,
	`execution_by` text,
	`execution_reported_on` text,
	`supersedes_id` integer,
	`revoke_reason` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`subject_id`) REFERENCES `case_subjects`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`service_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "case_decisions_state_ck" CHECK("case_decisions"."state" in ('made','served','changed','revoked'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_decisions_uuid_unique` ON `case_decisions` (`uuid`);--> statement-breakpoint
CREATE INDEX `case_decisions_case_idx` ON `case_decisions` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_decisions_subject_idx` ON `case_decisions` (`subject_id`);--> statement-breakpoint
CREATE TABLE `case_subjects` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`unit_id` integer NOT NULL,
	`person_id` integer,
	`unit_name` text NOT NULL,
	`name` text NOT NULL,
	`post` text,
	`rank` text,
	`is_head` integer DEFAULT false NOT NULL,
	`is_leader` integer DEFAULT false NOT NULL,
	`responsibility` text,
	`statement_state` text DEFAULT 'pending' NOT NULL,
	`statement` text,
	`statement_on` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "case_subjects_kind_ck" CHECK("case_subjects"."kind" in ('unit','person')),
	CONSTRAINT "case_subjects_statement_ck" CHECK("case_subjects"."statement_state" in ('pending','given','none'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_subjects_uuid_unique` ON `case_subjects` (`uuid`);--> statement-breakpoint
CREATE INDEX `case_subjects_case_idx` ON `case_subjects` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_subjects_person_idx` ON `case_subjects` (`person_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`title` text NOT NULL,
	`state` text DEFAULT 'opened' NOT NULL,
	`fault_category` text NOT NULL,
	`degree` text,
	`opened_on` text NOT NULL,
	`facts` text DEFAULT '' NOT NULL,
	`investigators` text DEFAULT '[]' NOT NULL,
	`end_reason` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "cases_state_ck" CHECK("cases"."state" in ('opened','investigating','deliberating','decided','served','appealed','executing','archived','revoked','terminated')),
	CONSTRAINT "cases_category_ck" CHECK("cases"."fault_category" in ('policy','inaction','finance','enforcement','incident'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_uuid_unique` ON `cases` (`uuid`);--> statement-breakpoint
ALTER TABLE `notices` ADD `person_id` integer REFERENCES people(id);