-- Indexes for the foreign keys to admin_units that had none as a first column: deleting units (rolling back a
-- boundary import of 3,321 communes) checked indicator_values once per unit by a full scan — about 3 minutes
-- on PostgreSQL with the demo's ~875.000 values. With them each check is an index probe.
CREATE INDEX "indicator_values_unit_idx" ON "indicator_values" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "spatial_weights_unit_idx" ON "spatial_weights" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "spatial_weights_neighbour_idx" ON "spatial_weights" USING btree ("neighbour_id");