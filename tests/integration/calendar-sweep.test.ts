// The calendar sweep: every rule that depends on "now", run at the instants where calendars
// break — both DST changes of each team's zone (the skipped and the repeated hour), 23:59 and
// 00:00 around a month end, Feb 28/29 of a leap year, Dec 31 → Jan 1, the fiscal-year boundary
// and one minute either side of the send hour — for a Berlin team whose fiscal year starts in
// April and a New York team whose fiscal year starts in October.
//
// Every expected value below was written out independently of the code under test (Python's
// zoneinfo worked out the local times); nothing here is computed by the functions it checks.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/jobs/registered";
import { getDbHandle } from "@/db/client";
import { claimJobs, insertJobs } from "@/db/queries/jobs";
import { findLiveShareLink, insertShareLink } from "@/db/queries/share-links";
import { jobs, kpis, memberships, reminderSchedules, scorecards, teams, users, type Team } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { clock } from "@/lib/clock";
import { digestDueAt } from "@/lib/collaboration/digest-job";
import { recurringSlotKey, runDueJobs } from "@/lib/jobs/runner";
import { currentPeriod, formatPeriod, localDate, type TeamCalendar } from "@/lib/periods";
import { isStale } from "@/lib/scoring/evaluate";
import { teamToday } from "@/lib/scorecards/evaluate";
import { hashToken } from "@/lib/auth/tokens";
import { shareLinkState } from "@/lib/sharing/share-token";
import { dueItems, reportingPeriod } from "@/lib/update-loop/due";
import { loadMyUpdates } from "@/lib/update-loop/my-updates";
import { scheduledRunKey } from "@/lib/update-loop/reminder-jobs";
import { localHour } from "@/lib/update-loop/zoned-time";
import { TEST_NOW } from "@/tests/support/clock";

const CALENDARS = {
  berlin: { timeZone: "Europe/Berlin", fiscalYearStartMonth: 4 },
  newYork: { timeZone: "America/New_York", fiscalYearStartMonth: 10 },
} satisfies Record<string, TeamCalendar>;

interface SweepCase {
  zone: keyof typeof CALENDARS;
  /** The instant, UTC. */
  at: string;
  name: string;
  /** The team's calendar date and hour at that instant. */
  today: string;
  hour: number;
  /** Current periods (named by their first day) and labels. */
  weekly: string;
  previousWeek: string;
  monthly: string;
  monthLabel: string;
  quarterly: string;
  quarterLabel: string;
  /** What a monthly KPI never measured owes (heads-up 3 days before, reminder 1 day after). */
  due: string[];
  /** …and what of it the scheduled reminder run of that day mails. */
  scheduledDue: string[];
  /** The team's send hour, and what the day's scheduled reminder job does at this instant. */
  sendHour: number;
  reminder: { outcome: "done" } | { outcome: "waiting"; runAt: string };
  /** The hourly job slot this instant falls in, and when that UTC day's digest is due. */
  hourSlot: string;
  digestDueAt: string;
}

const CASES: SweepCase[] = [
  {
    zone: "berlin", at: "2027-03-28T00:59:00Z", name: "DST forward: 01:59, the minute before the skipped hour", // 2027-03-28 01:59 CET
    today: "2027-03-28", hour: 1, weekly: "2027-03-22", previousWeek: "2027-03-15", monthly: "2027-03-01", monthLabel: "Mar 2027",
    quarterly: "2027-01-01", quarterLabel: "Q4 FY2027", due: ["overdue 2027-02-01", "upcoming 2027-03-01"], scheduledDue: ["upcoming 2027-03-01"],
    sendHour: 2, reminder: { outcome: "waiting", runAt: "2027-03-28T01:00:00.000Z" }, hourSlot: "2027-03-28T00:00:00.000Z", digestDueAt: "2027-03-28T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2027-03-28T01:00:00Z", name: "DST forward: 03:00, right after the skipped hour", // 2027-03-28 03:00 CEST
    today: "2027-03-28", hour: 3, weekly: "2027-03-22", previousWeek: "2027-03-15", monthly: "2027-03-01", monthLabel: "Mar 2027",
    quarterly: "2027-01-01", quarterLabel: "Q4 FY2027", due: ["overdue 2027-02-01", "upcoming 2027-03-01"], scheduledDue: ["upcoming 2027-03-01"],
    sendHour: 2, reminder: { outcome: "done" }, hourSlot: "2027-03-28T01:00:00.000Z", digestDueAt: "2027-03-28T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2027-03-28T01:30:00Z", name: "DST forward: 03:30 (an issue instant)", // 2027-03-28 03:30 CEST
    today: "2027-03-28", hour: 3, weekly: "2027-03-22", previousWeek: "2027-03-15", monthly: "2027-03-01", monthLabel: "Mar 2027",
    quarterly: "2027-01-01", quarterLabel: "Q4 FY2027", due: ["overdue 2027-02-01", "upcoming 2027-03-01"], scheduledDue: ["upcoming 2027-03-01"],
    sendHour: 8, reminder: { outcome: "waiting", runAt: "2027-03-28T06:00:00.000Z" }, hourSlot: "2027-03-28T01:00:00.000Z", digestDueAt: "2027-03-28T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2027-10-30T23:30:00Z", name: "DST back: 01:30, before the hour that repeats", // 2027-10-31 01:30 CEST
    today: "2027-10-31", hour: 1, weekly: "2027-10-25", previousWeek: "2027-10-18", monthly: "2027-10-01", monthLabel: "Oct 2027",
    quarterly: "2027-10-01", quarterLabel: "Q3 FY2028", due: ["overdue 2027-09-01", "upcoming 2027-10-01"], scheduledDue: [],
    sendHour: 2, reminder: { outcome: "waiting", runAt: "2027-10-31T00:00:00.000Z" }, hourSlot: "2027-10-30T23:00:00.000Z", digestDueAt: "2027-10-30T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2027-10-31T00:30:00Z", name: "DST back: 02:30 the first time", // 2027-10-31 02:30 CEST
    today: "2027-10-31", hour: 2, weekly: "2027-10-25", previousWeek: "2027-10-18", monthly: "2027-10-01", monthLabel: "Oct 2027",
    quarterly: "2027-10-01", quarterLabel: "Q3 FY2028", due: ["overdue 2027-09-01", "upcoming 2027-10-01"], scheduledDue: [],
    sendHour: 2, reminder: { outcome: "done" }, hourSlot: "2027-10-31T00:00:00.000Z", digestDueAt: "2027-10-31T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2027-10-31T01:30:00Z", name: "DST back: 02:30 the second time", // 2027-10-31 02:30 CET
    today: "2027-10-31", hour: 2, weekly: "2027-10-25", previousWeek: "2027-10-18", monthly: "2027-10-01", monthLabel: "Oct 2027",
    quarterly: "2027-10-01", quarterLabel: "Q3 FY2028", due: ["overdue 2027-09-01", "upcoming 2027-10-01"], scheduledDue: [],
    sendHour: 3, reminder: { outcome: "waiting", runAt: "2027-10-31T02:00:00.000Z" }, hourSlot: "2027-10-31T01:00:00.000Z", digestDueAt: "2027-10-31T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2027-04-30T21:59:00Z", name: "23:59 on the last day of April", // 2027-04-30 23:59 CEST
    today: "2027-04-30", hour: 23, weekly: "2027-04-26", previousWeek: "2027-04-19", monthly: "2027-04-01", monthLabel: "Apr 2027",
    quarterly: "2027-04-01", quarterLabel: "Q1 FY2028", due: ["overdue 2027-03-01", "upcoming 2027-04-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "done" }, hourSlot: "2027-04-30T21:00:00.000Z", digestDueAt: "2027-04-30T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2027-04-30T22:00:00Z", name: "00:00 on May 1 (still April 30 in UTC)", // 2027-05-01 00:00 CEST
    today: "2027-05-01", hour: 0, weekly: "2027-04-26", previousWeek: "2027-04-19", monthly: "2027-05-01", monthLabel: "May 2027",
    quarterly: "2027-04-01", quarterLabel: "Q1 FY2028", due: ["overdue 2027-04-01"], scheduledDue: ["overdue 2027-04-01"],
    sendHour: 8, reminder: { outcome: "waiting", runAt: "2027-05-01T06:00:00.000Z" }, hourSlot: "2027-04-30T22:00:00.000Z", digestDueAt: "2027-04-30T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2028-02-28T22:59:00Z", name: "leap year: 23:59 on Feb 28", // 2028-02-28 23:59 CET
    today: "2028-02-28", hour: 23, weekly: "2028-02-28", previousWeek: "2028-02-21", monthly: "2028-02-01", monthLabel: "Feb 2028",
    quarterly: "2028-01-01", quarterLabel: "Q4 FY2028", due: ["overdue 2028-01-01", "upcoming 2028-02-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "done" }, hourSlot: "2028-02-28T22:00:00.000Z", digestDueAt: "2028-02-28T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2028-02-28T23:00:00Z", name: "leap year: 00:00 on Feb 29", // 2028-02-29 00:00 CET
    today: "2028-02-29", hour: 0, weekly: "2028-02-28", previousWeek: "2028-02-21", monthly: "2028-02-01", monthLabel: "Feb 2028",
    quarterly: "2028-01-01", quarterLabel: "Q4 FY2028", due: ["overdue 2028-01-01", "upcoming 2028-02-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "waiting", runAt: "2028-02-29T07:00:00.000Z" }, hourSlot: "2028-02-28T23:00:00.000Z", digestDueAt: "2028-02-28T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2028-02-29T22:59:00Z", name: "leap year: 23:59 on Feb 29", // 2028-02-29 23:59 CET
    today: "2028-02-29", hour: 23, weekly: "2028-02-28", previousWeek: "2028-02-21", monthly: "2028-02-01", monthLabel: "Feb 2028",
    quarterly: "2028-01-01", quarterLabel: "Q4 FY2028", due: ["overdue 2028-01-01", "upcoming 2028-02-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "done" }, hourSlot: "2028-02-29T22:00:00.000Z", digestDueAt: "2028-02-29T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2028-02-29T23:59:00Z", name: "leap year: Feb 29 23:59 UTC is Mar 1 (an issue instant)", // 2028-03-01 00:59 CET
    today: "2028-03-01", hour: 0, weekly: "2028-02-28", previousWeek: "2028-02-21", monthly: "2028-03-01", monthLabel: "Mar 2028",
    quarterly: "2028-01-01", quarterLabel: "Q4 FY2028", due: ["overdue 2028-02-01"], scheduledDue: ["overdue 2028-02-01"],
    sendHour: 8, reminder: { outcome: "waiting", runAt: "2028-03-01T07:00:00.000Z" }, hourSlot: "2028-02-29T23:00:00.000Z", digestDueAt: "2028-02-29T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2027-12-31T22:59:00Z", name: "23:59 on Dec 31", // 2027-12-31 23:59 CET
    today: "2027-12-31", hour: 23, weekly: "2027-12-27", previousWeek: "2027-12-20", monthly: "2027-12-01", monthLabel: "Dec 2027",
    quarterly: "2027-10-01", quarterLabel: "Q3 FY2028", due: ["overdue 2027-11-01", "upcoming 2027-12-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "done" }, hourSlot: "2027-12-31T22:00:00.000Z", digestDueAt: "2027-12-31T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2027-12-31T23:30:00Z", name: "00:30 on Jan 1 (Dec 31 in UTC; an issue instant)", // 2028-01-01 00:30 CET
    today: "2028-01-01", hour: 0, weekly: "2027-12-27", previousWeek: "2027-12-20", monthly: "2028-01-01", monthLabel: "Jan 2028",
    quarterly: "2028-01-01", quarterLabel: "Q4 FY2028", due: ["overdue 2027-12-01"], scheduledDue: ["overdue 2027-12-01"],
    sendHour: 8, reminder: { outcome: "waiting", runAt: "2028-01-01T07:00:00.000Z" }, hourSlot: "2027-12-31T23:00:00.000Z", digestDueAt: "2027-12-31T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2027-03-31T21:59:00Z", name: "fiscal year end (April start): 23:59 on Mar 31", // 2027-03-31 23:59 CEST
    today: "2027-03-31", hour: 23, weekly: "2027-03-29", previousWeek: "2027-03-22", monthly: "2027-03-01", monthLabel: "Mar 2027",
    quarterly: "2027-01-01", quarterLabel: "Q4 FY2027", due: ["overdue 2027-02-01", "upcoming 2027-03-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "done" }, hourSlot: "2027-03-31T21:00:00.000Z", digestDueAt: "2027-03-31T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2027-03-31T22:00:00Z", name: "fiscal year start: 00:00 on Apr 1", // 2027-04-01 00:00 CEST
    today: "2027-04-01", hour: 0, weekly: "2027-03-29", previousWeek: "2027-03-22", monthly: "2027-04-01", monthLabel: "Apr 2027",
    quarterly: "2027-04-01", quarterLabel: "Q1 FY2028", due: ["overdue 2027-03-01"], scheduledDue: ["overdue 2027-03-01"],
    sendHour: 8, reminder: { outcome: "waiting", runAt: "2027-04-01T06:00:00.000Z" }, hourSlot: "2027-03-31T22:00:00.000Z", digestDueAt: "2027-03-31T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2027-01-12T06:59:00Z", name: "one minute before the send hour", // 2027-01-12 07:59 CET
    today: "2027-01-12", hour: 7, weekly: "2027-01-11", previousWeek: "2027-01-04", monthly: "2027-01-01", monthLabel: "Jan 2027",
    quarterly: "2027-01-01", quarterLabel: "Q4 FY2027", due: ["overdue 2026-12-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "waiting", runAt: "2027-01-12T07:00:00.000Z" }, hourSlot: "2027-01-12T06:00:00.000Z", digestDueAt: "2027-01-12T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2027-01-12T07:01:00Z", name: "one minute after the send hour", // 2027-01-12 08:01 CET
    today: "2027-01-12", hour: 8, weekly: "2027-01-11", previousWeek: "2027-01-04", monthly: "2027-01-01", monthLabel: "Jan 2027",
    quarterly: "2027-01-01", quarterLabel: "Q4 FY2027", due: ["overdue 2026-12-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "done" }, hourSlot: "2027-01-12T07:00:00.000Z", digestDueAt: "2027-01-12T07:00:00.000Z",
  },
  {
    zone: "berlin", at: "2026-12-07T02:00:00Z", name: "a Monday night (an issue instant)", // 2026-12-07 03:00 CET
    today: "2026-12-07", hour: 3, weekly: "2026-12-07", previousWeek: "2026-11-30", monthly: "2026-12-01", monthLabel: "Dec 2026",
    quarterly: "2026-10-01", quarterLabel: "Q3 FY2027", due: ["overdue 2026-11-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "waiting", runAt: "2026-12-07T07:00:00.000Z" }, hourSlot: "2026-12-07T02:00:00.000Z", digestDueAt: "2026-12-07T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2027-03-14T06:59:00Z", name: "DST forward: 01:59, the minute before the skipped hour", // 2027-03-14 01:59 EST
    today: "2027-03-14", hour: 1, weekly: "2027-03-08", previousWeek: "2027-03-01", monthly: "2027-03-01", monthLabel: "Mar 2027",
    quarterly: "2027-01-01", quarterLabel: "Q2 FY2027", due: ["overdue 2027-02-01"], scheduledDue: [],
    sendHour: 2, reminder: { outcome: "waiting", runAt: "2027-03-14T07:00:00.000Z" }, hourSlot: "2027-03-14T06:00:00.000Z", digestDueAt: "2027-03-14T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2027-03-14T07:00:00Z", name: "DST forward: 03:00, right after the skipped hour", // 2027-03-14 03:00 EDT
    today: "2027-03-14", hour: 3, weekly: "2027-03-08", previousWeek: "2027-03-01", monthly: "2027-03-01", monthLabel: "Mar 2027",
    quarterly: "2027-01-01", quarterLabel: "Q2 FY2027", due: ["overdue 2027-02-01"], scheduledDue: [],
    sendHour: 2, reminder: { outcome: "done" }, hourSlot: "2027-03-14T07:00:00.000Z", digestDueAt: "2027-03-14T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2027-11-07T04:30:00Z", name: "DST back: 00:30, before the hour that repeats", // 2027-11-07 00:30 EDT
    today: "2027-11-07", hour: 0, weekly: "2027-11-01", previousWeek: "2027-10-25", monthly: "2027-11-01", monthLabel: "Nov 2027",
    quarterly: "2027-10-01", quarterLabel: "Q1 FY2028", due: ["overdue 2027-10-01"], scheduledDue: [],
    sendHour: 1, reminder: { outcome: "waiting", runAt: "2027-11-07T05:00:00.000Z" }, hourSlot: "2027-11-07T04:00:00.000Z", digestDueAt: "2027-11-07T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2027-11-07T05:30:00Z", name: "DST back: 01:30 the first time", // 2027-11-07 01:30 EDT
    today: "2027-11-07", hour: 1, weekly: "2027-11-01", previousWeek: "2027-10-25", monthly: "2027-11-01", monthLabel: "Nov 2027",
    quarterly: "2027-10-01", quarterLabel: "Q1 FY2028", due: ["overdue 2027-10-01"], scheduledDue: [],
    sendHour: 1, reminder: { outcome: "done" }, hourSlot: "2027-11-07T05:00:00.000Z", digestDueAt: "2027-11-07T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2027-11-07T06:30:00Z", name: "DST back: 01:30 the second time", // 2027-11-07 01:30 EST
    today: "2027-11-07", hour: 1, weekly: "2027-11-01", previousWeek: "2027-10-25", monthly: "2027-11-01", monthLabel: "Nov 2027",
    quarterly: "2027-10-01", quarterLabel: "Q1 FY2028", due: ["overdue 2027-10-01"], scheduledDue: [],
    sendHour: 2, reminder: { outcome: "waiting", runAt: "2027-11-07T07:00:00.000Z" }, hourSlot: "2027-11-07T06:00:00.000Z", digestDueAt: "2027-11-07T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2027-12-01T04:59:00Z", name: "23:59 on the last day of November", // 2027-11-30 23:59 EST
    today: "2027-11-30", hour: 23, weekly: "2027-11-29", previousWeek: "2027-11-22", monthly: "2027-11-01", monthLabel: "Nov 2027",
    quarterly: "2027-10-01", quarterLabel: "Q1 FY2028", due: ["overdue 2027-10-01", "upcoming 2027-11-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "done" }, hourSlot: "2027-12-01T04:00:00.000Z", digestDueAt: "2027-12-01T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2027-12-01T05:00:00Z", name: "00:00 on Dec 1", // 2027-12-01 00:00 EST
    today: "2027-12-01", hour: 0, weekly: "2027-11-29", previousWeek: "2027-11-22", monthly: "2027-12-01", monthLabel: "Dec 2027",
    quarterly: "2027-10-01", quarterLabel: "Q1 FY2028", due: ["overdue 2027-11-01"], scheduledDue: ["overdue 2027-11-01"],
    sendHour: 8, reminder: { outcome: "waiting", runAt: "2027-12-01T13:00:00.000Z" }, hourSlot: "2027-12-01T05:00:00.000Z", digestDueAt: "2027-12-01T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2028-02-29T04:59:00Z", name: "leap year: 23:59 on Feb 28", // 2028-02-28 23:59 EST
    today: "2028-02-28", hour: 23, weekly: "2028-02-28", previousWeek: "2028-02-21", monthly: "2028-02-01", monthLabel: "Feb 2028",
    quarterly: "2028-01-01", quarterLabel: "Q2 FY2028", due: ["overdue 2028-01-01", "upcoming 2028-02-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "done" }, hourSlot: "2028-02-29T04:00:00.000Z", digestDueAt: "2028-02-29T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2028-02-29T05:00:00Z", name: "leap year: 00:00 on Feb 29", // 2028-02-29 00:00 EST
    today: "2028-02-29", hour: 0, weekly: "2028-02-28", previousWeek: "2028-02-21", monthly: "2028-02-01", monthLabel: "Feb 2028",
    quarterly: "2028-01-01", quarterLabel: "Q2 FY2028", due: ["overdue 2028-01-01", "upcoming 2028-02-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "waiting", runAt: "2028-02-29T13:00:00.000Z" }, hourSlot: "2028-02-29T05:00:00.000Z", digestDueAt: "2028-02-29T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2028-03-01T04:59:00Z", name: "leap year: 23:59 on Feb 29", // 2028-02-29 23:59 EST
    today: "2028-02-29", hour: 23, weekly: "2028-02-28", previousWeek: "2028-02-21", monthly: "2028-02-01", monthLabel: "Feb 2028",
    quarterly: "2028-01-01", quarterLabel: "Q2 FY2028", due: ["overdue 2028-01-01", "upcoming 2028-02-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "done" }, hourSlot: "2028-03-01T04:00:00.000Z", digestDueAt: "2028-03-01T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2028-03-01T05:00:00Z", name: "leap year: 00:00 on Mar 1", // 2028-03-01 00:00 EST
    today: "2028-03-01", hour: 0, weekly: "2028-02-28", previousWeek: "2028-02-21", monthly: "2028-03-01", monthLabel: "Mar 2028",
    quarterly: "2028-01-01", quarterLabel: "Q2 FY2028", due: ["overdue 2028-02-01"], scheduledDue: ["overdue 2028-02-01"],
    sendHour: 8, reminder: { outcome: "waiting", runAt: "2028-03-01T13:00:00.000Z" }, hourSlot: "2028-03-01T05:00:00.000Z", digestDueAt: "2028-03-01T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2028-01-01T04:59:00Z", name: "23:59 on Dec 31", // 2027-12-31 23:59 EST
    today: "2027-12-31", hour: 23, weekly: "2027-12-27", previousWeek: "2027-12-20", monthly: "2027-12-01", monthLabel: "Dec 2027",
    quarterly: "2027-10-01", quarterLabel: "Q1 FY2028", due: ["overdue 2027-11-01", "upcoming 2027-12-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "done" }, hourSlot: "2028-01-01T04:00:00.000Z", digestDueAt: "2028-01-01T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2028-01-01T05:00:00Z", name: "00:00 on Jan 1", // 2028-01-01 00:00 EST
    today: "2028-01-01", hour: 0, weekly: "2027-12-27", previousWeek: "2027-12-20", monthly: "2028-01-01", monthLabel: "Jan 2028",
    quarterly: "2028-01-01", quarterLabel: "Q2 FY2028", due: ["overdue 2027-12-01"], scheduledDue: ["overdue 2027-12-01"],
    sendHour: 8, reminder: { outcome: "waiting", runAt: "2028-01-01T13:00:00.000Z" }, hourSlot: "2028-01-01T05:00:00.000Z", digestDueAt: "2028-01-01T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2027-10-31T00:30:00Z", name: "Oct 30 20:30 (Berlin's DST-back instant)", // 2027-10-30 20:30 EDT
    today: "2027-10-30", hour: 20, weekly: "2027-10-25", previousWeek: "2027-10-18", monthly: "2027-10-01", monthLabel: "Oct 2027",
    quarterly: "2027-10-01", quarterLabel: "Q1 FY2028", due: ["overdue 2027-09-01", "upcoming 2027-10-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "done" }, hourSlot: "2027-10-31T00:00:00.000Z", digestDueAt: "2027-10-31T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2027-10-01T03:59:00Z", name: "fiscal year end (October start): 23:59 on Sep 30", // 2027-09-30 23:59 EDT
    today: "2027-09-30", hour: 23, weekly: "2027-09-27", previousWeek: "2027-09-20", monthly: "2027-09-01", monthLabel: "Sep 2027",
    quarterly: "2027-07-01", quarterLabel: "Q4 FY2027", due: ["overdue 2027-08-01", "upcoming 2027-09-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "done" }, hourSlot: "2027-10-01T03:00:00.000Z", digestDueAt: "2027-10-01T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2027-10-01T04:00:00Z", name: "fiscal year start: 00:00 on Oct 1", // 2027-10-01 00:00 EDT
    today: "2027-10-01", hour: 0, weekly: "2027-09-27", previousWeek: "2027-09-20", monthly: "2027-10-01", monthLabel: "Oct 2027",
    quarterly: "2027-10-01", quarterLabel: "Q1 FY2028", due: ["overdue 2027-09-01"], scheduledDue: ["overdue 2027-09-01"],
    sendHour: 8, reminder: { outcome: "waiting", runAt: "2027-10-01T12:00:00.000Z" }, hourSlot: "2027-10-01T04:00:00.000Z", digestDueAt: "2027-10-01T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2027-07-13T11:59:00Z", name: "one minute before the send hour", // 2027-07-13 07:59 EDT
    today: "2027-07-13", hour: 7, weekly: "2027-07-12", previousWeek: "2027-07-05", monthly: "2027-07-01", monthLabel: "Jul 2027",
    quarterly: "2027-07-01", quarterLabel: "Q4 FY2027", due: ["overdue 2027-06-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "waiting", runAt: "2027-07-13T12:00:00.000Z" }, hourSlot: "2027-07-13T11:00:00.000Z", digestDueAt: "2027-07-13T07:00:00.000Z",
  },
  {
    zone: "newYork", at: "2027-07-13T12:01:00Z", name: "one minute after the send hour", // 2027-07-13 08:01 EDT
    today: "2027-07-13", hour: 8, weekly: "2027-07-12", previousWeek: "2027-07-05", monthly: "2027-07-01", monthLabel: "Jul 2027",
    quarterly: "2027-07-01", quarterLabel: "Q4 FY2027", due: ["overdue 2027-06-01"], scheduledDue: [],
    sendHour: 8, reminder: { outcome: "done" }, hourSlot: "2027-07-13T12:00:00.000Z", digestDueAt: "2027-07-13T07:00:00.000Z",
  },
];

const MINUTE = 60_000;
let acme: Team;
let ownerId: string;
let sweepKpiId: string;
let scorecardId: string;

const describeDue = (items: Array<{ kind: string; period: string }>) => items.map((i) => `${i.kind} ${i.period}`);

async function useCalendar(c: SweepCase) {
  const calendar = CALENDARS[c.zone];
  const { db } = await getDbHandle();
  await db.update(teams).set(calendar).where(eq(teams.id, acme.id));
  await inTeam(acme.id, (tx) =>
    tx
      .insert(reminderSchedules)
      .values({ teamId: acme.id, enabled: true, daysBefore: 3, daysAfter: 1, sendHour: c.sendHour })
      .onConflictDoUpdate({ target: reminderSchedules.teamId, set: { enabled: true, daysBefore: 3, daysAfter: 1, sendHour: c.sendHour } }),
  );
  return calendar;
}

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  // One member who owns one monthly KPI and nothing else, never measured.
  const [owner] = await db.insert(users).values({ email: "sweep@acme.test", name: "Sweep Owner" }).returning();
  ownerId = owner!.id;
  await inTeam(acme.id, async (tx) => {
    await tx.insert(memberships).values({ teamId: acme.id, userId: ownerId, role: "editor" });
    const [anyKpi] = await tx.select().from(kpis).where(eq(kpis.teamId, acme.id)).limit(1);
    const [kpi] = await tx
      .insert(kpis)
      .values({ teamId: acme.id, objectiveId: anyKpi!.objectiveId, name: "Sweep monthly", unit: "count", direction: "up", target: 10, redThreshold: 5, frequency: "monthly", indicator: "lagging", position: 99, ownerId })
      .returning();
    sweepKpiId = kpi!.id;
    const [scorecard] = await tx.select({ id: scorecards.id }).from(scorecards).where(eq(scorecards.teamId, acme.id)).limit(1);
    scorecardId = scorecard!.id;
  });
});

afterAll(() => clock.set(TEST_NOW));

describe.each(CASES)("$zone at $at — $name", (c) => {
  const at = new Date(c.at);

  it("reads the team's date and hour, and the current weekly, monthly and fiscal-quarter periods", () => {
    const calendar = CALENDARS[c.zone];
    expect(localDate(at, calendar.timeZone)).toBe(c.today);
    expect(teamToday(calendar, at)).toBe(c.today);
    expect(localHour(at, calendar.timeZone)).toBe(c.hour);
    expect(currentPeriod(at, "weekly", calendar)).toBe(c.weekly);
    expect(currentPeriod(at, "monthly", calendar)).toBe(c.monthly);
    expect(currentPeriod(at, "quarterly", calendar)).toBe(c.quarterly);
    expect(formatPeriod(c.monthly, "monthly", calendar)).toBe(c.monthLabel);
    expect(formatPeriod(c.quarterly, "quarterly", calendar)).toBe(c.quarterLabel);
  });

  it("knows what is due and overdue, and what is fresh or stale", () => {
    const calendar = CALENDARS[c.zone];
    const never = { frequency: "monthly" as const, latestPeriod: null };
    const settings = { daysBefore: 3, daysAfter: 1 };
    expect(reportingPeriod("monthly", c.today, calendar)).toBe(c.due[0]!.slice("overdue ".length));
    expect(describeDue(dueItems(never, c.today, calendar, settings))).toEqual(c.due);
    expect(describeDue(dueItems(never, c.today, calendar, settings, { scheduledOnly: true }))).toEqual(c.scheduledDue);
    // A weekly value is fresh for last week and stale from the week before.
    expect(isStale(c.previousWeek, "weekly", c.weekly, calendar)).toBe(false);
    const weekBefore = new Date(Date.parse(`${c.previousWeek}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    expect(isStale(weekBefore, "weekly", c.weekly, calendar)).toBe(true);
  });

  it("lists the owner's due values in My updates", async () => {
    await useCalendar(c);
    const team = { timeZone: CALENDARS[c.zone].timeZone, fiscalYearStartMonth: CALENDARS[c.zone].fiscalYearStartMonth };
    const mine = await inTeam(acme.id, (tx) => loadMyUpdates(tx, { teamId: acme.id }, team, ownerId, at));
    expect(mine.today).toBe(c.today);
    expect(mine.rows.map((r) => `${r.kind} ${r.period}`)).toEqual(c.due);
    expect(mine.rows.every((r) => r.kpiId === sweepKpiId)).toBe(true);
  });

  it("holds the day's scheduled reminders until the team's send hour, then sends them", async () => {
    await useCalendar(c);
    const { db } = await getDbHandle();
    await db.delete(jobs);
    clock.set(at, { frozen: true });
    const key = scheduledRunKey(acme.id, c.today);
    // What an instance's tick does: plan the hour's slot, then run everything that is due.
    await insertJobs([{ kind: "reminders.plan", dedupeKey: recurringSlotKey("reminders.plan", 60, at), runAt: at }]);
    const first = await runDueJobs({ workerId: "sweep", now: at });
    expect(first.runs.filter((r) => r.dedupeKey === key).map((r) => r.outcome)).toEqual([c.reminder.outcome]);
    const [job] = await db.select().from(jobs).where(eq(jobs.dedupeKey, key));
    expect(job!.payload).toEqual({ mode: "scheduled", teamId: acme.id, date: c.today });
    if (c.reminder.outcome === "waiting") {
      expect(job!.doneAt).toBeNull();
      expect(job!.runAt.toISOString()).toBe(c.reminder.runAt);
      const sendAt = new Date(c.reminder.runAt);
      expect((await runDueJobs({ workerId: "sweep", now: new Date(sendAt.getTime() - MINUTE) })).runs.filter((r) => r.dedupeKey === key)).toEqual([]);
      const later = await runDueJobs({ workerId: "sweep", now: sendAt });
      expect(later.runs.filter((r) => r.dedupeKey === key).map((r) => r.outcome)).toEqual(["done"]);
    } else {
      expect(job!.doneAt?.toISOString()).toBe(at.toISOString());
    }
    clock.set(TEST_NOW);
  });

  it("puts recurring jobs in the instant's hour slot, runs a job from its due time on, and dates the digest", async () => {
    expect(recurringSlotKey("reminders.plan", 60, at)).toBe(`reminders.plan@${c.hourSlot}`);
    expect(digestDueAt(at).toISOString()).toBe(c.digestDueAt);
    const { db } = await getDbHandle();
    await db.delete(jobs);
    await insertJobs([{ kind: "reminders.plan", dedupeKey: `sweep:${c.at}`, runAt: at }]);
    const claim = (now: Date) => claimJobs({ workerId: "sweep", now, kinds: ["reminders.plan"], limit: 5, leaseMs: 10 * MINUTE, maxAttempts: 5 });
    expect(await claim(new Date(at.getTime() - 1))).toEqual([]);
    expect((await claim(at)).map((j) => j.dedupeKey)).toEqual([`sweep:${c.at}`]);
  });

  it("expires a share link at its expiry instant, not a millisecond earlier", async () => {
    const tokenHash = hashToken(`sweep-${c.zone}-${c.at}`);
    await inTeam(acme.id, (tx) => insertShareLink(tx, { teamId: acme.id }, { scorecardId, tokenHash, label: "Sweep", createdBy: null, expiresAt: at }));
    const before = new Date(at.getTime() - 1);
    expect(shareLinkState({ revokedAt: null, expiresAt: at }, before)).toBe("active");
    expect(shareLinkState({ revokedAt: null, expiresAt: at }, at)).toBe("expired");
    expect(await inTeam(acme.id, (tx) => findLiveShareLink(tx, { teamId: acme.id }, tokenHash, before))).toMatchObject({ tokenHash });
    expect(await inTeam(acme.id, (tx) => findLiveShareLink(tx, { teamId: acme.id }, tokenHash, at))).toBeUndefined();
  });
});

it("covers both zones' DST changes, month and year ends, a leap day, fiscal years and the send hour", () => {
  expect(CASES).toHaveLength(37);
  expect(new Set(CASES.map((c) => c.zone))).toEqual(new Set(["berlin", "newYork"]));
  expect(CASES.filter((c) => c.today.endsWith("-02-29")).length).toBeGreaterThanOrEqual(2);
  // The five instants the suite must also pass at, as the machine's clock (issue #18).
  for (const at of ["2026-12-07T02:00:00Z", "2027-03-28T01:30:00Z", "2027-10-31T00:30:00Z", "2028-02-29T23:59:00Z", "2027-12-31T23:30:00Z"]) {
    expect(CASES.map((c) => c.at), at).toContain(at);
  }
});
