import { boolean, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Briefings (issue 8): ordered map views a steering committee steps through in a meeting. Each view is
 * kept with the snapshot of its figures taken when the briefing was made, so the briefing shows the same
 * data "as of" that day after new reports or corrections arrive (never recomputed on read).
 */
export const briefings = pgTable(
  'briefings',
  {
    /** Short unguessable slug (base32 from crypto random): the link that shares the briefing. */
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    /** Marks every page "MẬT". */
    confidential: boolean('confidential').notNull().default(false),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Provinces the views cover; empty = a national briefing (readable with a national grant only). */
    provinces: text('provinces').array().notNull(),
    /** `[{ spec, snapshot }]` as in contracts/briefings.ts. */
    views: jsonb('views').notNull(),
  },
  (t) => [index('briefings_created_at_idx').on(t.createdAt)],
);
