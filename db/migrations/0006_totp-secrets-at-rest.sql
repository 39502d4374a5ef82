-- Authenticator-app secrets are sealed with a key the database never sees (SECRETS_KEY), so
-- this migration cannot encrypt the rows it finds: it makes room for the sealed value and its
-- key id. Rows still in clear are sealed by the server right after migrating (and any left,
-- e.g. on Workers, on first use): docs/decisions/012-totp-secrets-at-rest.md.
ALTER TABLE "totp_credentials" ALTER COLUMN "secret" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "totp_credentials" ADD COLUMN "secret_ciphertext" text;--> statement-breakpoint
ALTER TABLE "totp_credentials" ADD COLUMN "key_id" text;--> statement-breakpoint
ALTER TABLE "totp_credentials" ADD CONSTRAINT "totp_credentials_sealed_or_legacy" CHECK (("totp_credentials"."secret" is null and "totp_credentials"."secret_ciphertext" is not null and "totp_credentials"."key_id" is not null) or ("totp_credentials"."secret" is not null and "totp_credentials"."secret_ciphertext" is null and "totp_credentials"."key_id" is null));