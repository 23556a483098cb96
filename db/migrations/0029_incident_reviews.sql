CREATE TABLE `incident_reviews` (
	`id` integer PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`owner_node` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`unit_id` integer NOT NULL,
	`person_id` integer,
	`head_name` text NOT NULL,
	`head_post` text,
	`incident` text NOT NULL,
	`incident_on` text NOT NULL,
	`facts` text NOT NULL,
	`to_body` text NOT NULL,
	`demanded_on` text NOT NULL,
	`working_days` integer NOT NULL,
	`deadline` text NOT NULL,
	`document_id` integer,
	`state` text DEFAULT 'pending' NOT NULL,
	`reply` text,
	`reply_on` text,
	`opinion` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "incident_reviews_state_ck" CHECK("incident_reviews"."state" in ('pending','submitted','returned','accepted','withdrawn')),
	CONSTRAINT "incident_reviews_deadline_ck" CHECK("incident_reviews"."deadline" > "incident_reviews"."demanded_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incident_reviews_uuid_unique` ON `incident_reviews` (`uuid`);--> statement-breakpoint
CREATE INDEX `incident_reviews_unit_idx` ON `incident_reviews` (`unit_id`);