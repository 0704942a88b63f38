-- Where a unit's name is drawn, computed once per unit version from its shape: the pole of inaccessibility
-- (centre of the largest circle inside the unit), and the room around it for a label box. A label box of
-- half-height h and half-width k·h centred on the anchor lies inside the unit when h ≤ label_room[i] for the
-- aspect k = LABEL_ROOM_ASPECTS[i] (1, 2, 3, 4, 6, 8, 12, 16), in degrees of longitude (latitudes are scaled
-- by 1/cos(latitude) at the anchor, as Web Mercator draws them). A shape GEOS cannot read gets null: the label
-- then falls back on label_point and is placed without the room check.
CREATE FUNCTION pcmt_label_anchor(g geometry) RETURNS geometry LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN ST_SetSRID((ST_MaximumInscribedCircle(g)).center, 4326);
EXCEPTION WHEN others THEN
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION pcmt_label_room(g geometry) RETURNS real[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  c record;
  cx float8;
  cy float8;
  s float8;
  step float8;
  room real[];
BEGIN
  c := ST_MaximumInscribedCircle(g);
  cx := ST_X(c.center);
  cy := ST_Y(c.center);
  s := cos(radians(cy));
  step := greatest(c.radius / 8, 1e-5);
  -- The boundary (holes included) densified to an eighth of the circle's radius: a box centred on the
  -- anchor lies inside the unit when no boundary point is inside it, i.e. h < max(|dx| / k, |dy|) for all;
  -- less one step, as the boundary between two of its points may reach into the box by up to half a step.
  WITH pts AS (
    SELECT abs(ST_X(p.geom) - cx) AS x, abs(ST_Y(p.geom) - cy) / s AS y
    FROM ST_DumpPoints(ST_Segmentize(ST_Boundary(g), step)) p
  )
  SELECT array_agg(greatest(r.h - step / s, 0) ORDER BY r.k)::real[] INTO room
  FROM (SELECT k, min(greatest(pts.x / k, pts.y)) AS h FROM pts, unnest(ARRAY[1, 2, 3, 4, 6, 8, 12, 16]) k GROUP BY k) r;
  RETURN room;
EXCEPTION WHEN others THEN
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- One ALTER: the table is rewritten (and the anchors computed) once.
ALTER TABLE "admin_units"
  ADD COLUMN "label_anchor" geometry(Point,4326) GENERATED ALWAYS AS (pcmt_label_anchor("admin_units"."geom")) STORED,
  ADD COLUMN "label_room" real[] GENERATED ALWAYS AS (pcmt_label_room("admin_units"."geom")) STORED;
