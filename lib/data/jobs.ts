import "server-only";
import { QUEUES, startJobs, type StartJobsOptions } from "@/lib/db/jobs";
import { runResultsImportJob } from "@/lib/data/board/results-import-run";

// The background worker of this server process (docs/decisions/017-background-jobs.md):
// instrumentation.ts starts it once when the server starts; every queue's jobs run here, each
// for the person whose request queued it (checked when it was queued).

// internal: started by instrumentation.ts for the server process (and by tests), acting for no person itself
/** Starts the job queue and its handlers (once per process; later calls share the first). */
export function startWorker(options: StartJobsOptions = {}) {
  return startJobs(
    {
      [QUEUES.resultsImport.name]: async (data) => runResultsImportJob(String(data.importJobId ?? "")),
    },
    options,
  );
}
