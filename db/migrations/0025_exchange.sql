CREATE TABLE `exchange_acks` (
	`peer_node` text NOT NULL,
	`tbl` text NOT NULL,
	`uuid` text NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`peer_node`, `tbl`, `uuid`)
);
--> statement-breakpoint
CREATE TABLE `exchange_aliases` (
	`tbl` text NOT NULL,
	`uuid` text NOT NULL,
	`local_id` integer NOT NULL,
	PRIMARY KEY(`tbl`, `uuid`)
);
--> statement-breakpoint
CREATE TABLE `exchange_packages` (
	`package_id` text PRIMARY KEY NOT NULL,
	`direction` text NOT NULL,
	`kind` text NOT NULL,
	`peer_node` text NOT NULL,
	`seq` integer NOT NULL,
	`at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`contents` text NOT NULL,
	`audit_head` text,
	`receipt_at` integer,
	`receipt_status` text,
	`receipt_detail` text,
	`by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `exchange_packages_peer_idx` ON `exchange_packages` (`peer_node`,`direction`,`kind`,`seq`);--> statement-breakpoint
CREATE TABLE `exchange_sent_rows` (
	`package_id` text NOT NULL,
	`tbl` text NOT NULL,
	`uuid` text NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`package_id`, `tbl`, `uuid`)
);
--> statement-breakpoint
CREATE TABLE `node_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`node_id` text NOT NULL,
	`sign_public` text NOT NULL,
	`box_public` text NOT NULL,
	`sign_private` text,
	`box_private` text,
	`fingerprint` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`changed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `node_keys_node_idx` ON `node_keys` (`node_id`);