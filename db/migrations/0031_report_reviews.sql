CREATE TABLE `report_reviews` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`report_id` integer NOT NULL,
	`report_version` integer NOT NULL,
	`accept` integer NOT NULL,
	`reason` text,
	`reviewed_by` text NOT NULL,
	`reviewed_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `progress_reports`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_reviews_uuid_unique` ON `report_reviews` (`uuid`);--> statement-breakpoint
CREATE INDEX `report_reviews_report_idx` ON `report_reviews` (`report_id`);