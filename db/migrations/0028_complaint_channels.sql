CREATE TABLE `complaint_channels` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`unit_id` integer NOT NULL,
	`kind` text NOT NULL,
	`contact` text NOT NULL,
	`hours` text NOT NULL,
	`note` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaint_channels_uuid_unique` ON `complaint_channels` (`uuid`);--> statement-breakpoint
CREATE INDEX `complaint_channels_unit_idx` ON `complaint_channels` (`unit_id`);