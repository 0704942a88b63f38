-- Provenance: the row of the imported file each value was read from (null for the demo generator and other writers).
ALTER TABLE "indicator_values" ADD COLUMN "source_row" integer;