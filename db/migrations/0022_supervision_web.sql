CREATE TABLE `audit_findings` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`kind` text NOT NULL,
	`unit_id` integer NOT NULL,
	`person_id` integer,
	`period` text NOT NULL,
	`report_no` text,
	`reported_on` text NOT NULL,
	`findings` text NOT NULL,
	`amount_cents` integer DEFAULT 0 NOT NULL,
	`result` text,
	`state` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "audit_findings_kind_ck" CHECK("audit_findings"."kind" in ('budget','economic','special_fund','investment','procurement','internal_control')),
	CONSTRAINT "audit_findings_state_ck" CHECK("audit_findings"."state" in ('open','closed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_findings_uuid_unique` ON `audit_findings` (`uuid`);--> statement-breakpoint
CREATE INDEX `audit_findings_unit_idx` ON `audit_findings` (`unit_id`);--> statement-breakpoint
CREATE TABLE `case_transfers` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`from_body` text NOT NULL,
	`to_body` text NOT NULL,
	`transferred_on` text NOT NULL,
	`unit_id` integer NOT NULL,
	`person_id` integer,
	`subject` text NOT NULL,
	`facts` text NOT NULL,
	`materials` text NOT NULL,
	`feedback_due` text NOT NULL,
	`feedback_on` text,
	`feedback` text,
	`copy_personnel` integer DEFAULT true NOT NULL,
	`document_id` integer,
	`state` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "case_transfers_from_ck" CHECK("case_transfers"."from_body" in ('finance','audit','legal','supervision','evaluation')),
	CONSTRAINT "case_transfers_state_ck" CHECK("case_transfers"."state" in ('sent','answered')),
	CONSTRAINT "case_transfers_due_ck" CHECK("case_transfers"."feedback_due" >= "case_transfers"."transferred_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_transfers_uuid_unique` ON `case_transfers` (`uuid`);--> statement-breakpoint
CREATE INDEX `case_transfers_unit_idx` ON `case_transfers` (`unit_id`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`channel` text NOT NULL,
	`ref` text,
	`received_on` text NOT NULL,
	`complainant_name` text,
	`complainant_phone` text,
	`unit_id` integer NOT NULL,
	`person_id` integer,
	`category` text NOT NULL,
	`content` text NOT NULL,
	`handler` text,
	`deadline` text NOT NULL,
	`state` text NOT NULL,
	`result` text,
	`substantiated` integer,
	`concluded_on` text,
	`fingerprint` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "complaints_channel_ck" CHECK("complaints"."channel" in ('phone','letter','web','hotline','visit','other')),
	CONSTRAINT "complaints_category_ck" CHECK("complaints"."category" in ('delay','perfunctory','inefficient','extortion','inaction','misconduct','attitude','other')),
	CONSTRAINT "complaints_state_ck" CHECK("complaints"."state" in ('open','closed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_uuid_unique` ON `complaints` (`uuid`);--> statement-breakpoint
CREATE INDEX `complaints_unit_idx` ON `complaints` (`unit_id`);--> statement-breakpoint
CREATE INDEX `complaints_fingerprint_idx` ON `complaints` (`fingerprint`);--> statement-breakpoint
CREATE TABLE `joint_meetings` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`title` text NOT NULL,
	`held_on` text NOT NULL,
	`place` text,
	`attendees` text NOT NULL,
	`topics` text NOT NULL,
	`exchanged` text NOT NULL,
	`resolutions` text NOT NULL,
	`document_id` integer,
	`state` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "joint_meetings_state_ck" CHECK("joint_meetings"."state" in ('held','issued'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `joint_meetings_uuid_unique` ON `joint_meetings` (`uuid`);--> statement-breakpoint
ALTER TABLE `rectifications` ADD `audit_finding_id` integer REFERENCES audit_findings(id);--> statement-breakpoint
ALTER TABLE `rectifications` ADD `meeting_id` integer REFERENCES joint_meetings(id);