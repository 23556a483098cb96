CREATE TABLE `checks` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`plan_id` integer NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`team` text NOT NULL,
	`scope` text NOT NULL,
	`check_date` text NOT NULL,
	`report_document_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`report_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "checks_kind_ck" CHECK("checks"."kind" in ('half_year','ad_hoc'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checks_uuid_unique` ON `checks` (`uuid`);--> statement-breakpoint
CREATE TABLE `findings` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`check_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`target_id` integer,
	`rating` text NOT NULL,
	`description` text NOT NULL,
	`required_action` text NOT NULL,
	`notice_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "findings_rating_ck" CHECK("findings"."rating" in ('on_track','lagging','serious'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `findings_uuid_unique` ON `findings` (`uuid`);--> statement-breakpoint
CREATE INDEX `findings_check_idx` ON `findings` (`check_id`);