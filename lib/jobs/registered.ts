// Every module that registers a job kind, imported once so the loop (and any worker) knows them
// all. Add your module here when you register a new kind.
import "./maintenance";
import "@/lib/update-loop/reminder-jobs";
import "@/lib/collaboration/digest-job";
