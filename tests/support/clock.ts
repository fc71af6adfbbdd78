// Every test file starts with the clock at one fixed instant (a Monday morning, mid-quarter), so
// no outcome depends on when the suite runs. A test that needs another instant sets it itself
// (`clock.set(...)`, or the `now` argument most functions take). CAIRN_CLOCK overrides the
// start for a whole run, e.g. to try the suite at a month end.
import { clock } from "@/lib/clock";
import { clockStartSetting } from "@/lib/env";

export const TEST_NOW = "2026-12-07T10:00:00Z";

clock.set(clockStartSetting() ?? TEST_NOW);
