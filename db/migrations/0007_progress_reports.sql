CREATE TABLE `progress_reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`target_id` integer NOT NULL,
	`quarter` integer NOT NULL,
	`completion_rate` real,
	`actual_value` text,
	`narrative` text DEFAULT '' NOT NULL,
	`problems` text DEFAULT '' NOT NULL,
	`next_steps` text DEFAULT '' NOT NULL,
	`state` text NOT NULL,
	`return_reason` text,
	`submitted_at` integer,
	`submitted_by` text,
	`reviewed_at` integer,
	`reviewed_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "progress_reports_quarter_ck" CHECK("progress_reports"."quarter" between 1 and 4),
	CONSTRAINT "progress_reports_state_ck" CHECK("progress_reports"."state" in ('draft','submitted','returned','accepted')),
	CONSTRAINT "progress_reports_rate_ck" CHECK("progress_reports"."completion_rate" is null or ("progress_reports"."completion_rate" >= 0 and "progress_reports"."completion_rate" <= 1000))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `progress_reports_uuid_unique` ON `progress_reports` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `progress_reports_target_quarter_unique` ON `progress_reports` (`target_id`,`quarter`);--> statement-breakpoint
CREATE TABLE `report_attachments` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`report_id` integer NOT NULL,
	`name` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`added_by` text NOT NULL,
	`added_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `progress_reports`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_attachments_uuid_unique` ON `report_attachments` (`uuid`);--> statement-breakpoint
CREATE INDEX `report_attachments_report_idx` ON `report_attachments` (`report_id`);