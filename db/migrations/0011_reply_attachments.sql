CREATE TABLE `reply_attachments` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`reply_id` integer NOT NULL,
	`name` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`added_by` text NOT NULL,
	`added_at` integer NOT NULL,
	FOREIGN KEY (`reply_id`) REFERENCES `notice_replies`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reply_attachments_uuid_unique` ON `reply_attachments` (`uuid`);--> statement-breakpoint
CREATE INDEX `reply_attachments_reply_idx` ON `reply_attachments` (`reply_id`);