import { defaultReporter } from '@web/test-runner';

/** Counts the run's tests; a file that failed to load or threw outside a test counts as a failure. */
export function countTests(sessions) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const walk = (suite) => {
    for (const test of suite.tests ?? []) {
      if (test.skipped) skipped++;
      else if (test.passed) passed++;
      else failed++;
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const session of sessions) {
    if (session.testResults) walk(session.testResults);
    if (!session.passed && (session.errors?.length ?? 0) > 0) failed++;
  }
  return { passed, failed, skipped };
}

/**
 * wtr's default reporter, made quiet where it misleads a reader of `npm test`:
 * - 404s that the mock backend answered are its problem+json answers to tests that ask for
 *   something missing on purpose, not missing files: only other 404s are listed;
 * - without a terminal, wtr prints the closing progress ("all tests passed") when the last file
 *   finishes and again when it stops: only the one at the stop is kept;
 * - the totals end the output alone on one line ("12 passed, 0 failed, 1 skipped"), which CI reads.
 *
 * `isMockPath(path)` says whether a request path (with its leading slash) is the mock's.
 */
export function checkoutReporter({ isMockPath }) {
  const base = defaultReporter();
  let stopping = false;
  let totals;
  const withoutMock404s = (session) => ({
    ...session,
    request404s: session.request404s.filter((url) => !isMockPath(`/${url}`.replace(/\?.*$/, ''))),
  });
  return {
    ...base,
    reportTestFileResults(args) {
      return base.reportTestFileResults({ ...args, sessionsForTestFile: args.sessionsForTestFile.map(withoutMock404s) });
    },
    getTestProgress(args) {
      const allDone = args.sessions.length > 0 && args.sessions.every((session) => session.status === 'FINISHED');
      if (allDone && !stopping) return [];
      const report = base.getTestProgress(args);
      return stopping && totals ? [...report, '', totals] : report;
    },
    stop({ sessions }) {
      stopping = true;
      const { passed, failed, skipped } = countTests(sessions);
      totals = `${passed} passed, ${failed} failed, ${skipped} skipped`;
    },
  };
}
