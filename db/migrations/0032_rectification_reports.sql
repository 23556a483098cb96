CREATE TABLE `rectification_reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`rectification_id` integer NOT NULL,
	`rect_version` integer NOT NULL,
	`done_on` text NOT NULL,
	`note` text NOT NULL,
	`reported_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`rectification_id`) REFERENCES `rectifications`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rectification_reports_uuid_unique` ON `rectification_reports` (`uuid`);--> statement-breakpoint
CREATE INDEX `rectification_reports_item_idx` ON `rectification_reports` (`rectification_id`);