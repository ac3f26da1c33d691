-- An update through an import changes only what its importer may change by PATCH: the importer's rights
-- travel with the job to the worker. Jobs from before know none, so their duplicates are skipped, not edited.
ALTER TABLE lead_import ADD COLUMN importer_manager boolean NOT NULL DEFAULT false;
ALTER TABLE lead_import ADD COLUMN importer_sdr boolean NOT NULL DEFAULT false;
