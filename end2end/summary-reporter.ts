// Prints one closing line, "playwright: N passed, N failed, N skipped", so the test command
// ends with a count any CI reader understands.
import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;

  onTestEnd(test: TestCase, result: TestResult) {
    // Count each test once, by its final outcome after any retry.
    if (result.retry < test.retries && result.status !== "passed" && result.status !== "skipped") return;
    if (result.status === "passed") this.passed += 1;
    else if (result.status === "skipped") this.skipped += 1;
    else this.failed += 1;
  }

  onEnd(_result: FullResult) {
    console.log(`playwright: ${this.passed} passed, ${this.failed} failed, ${this.skipped} skipped`);
  }

  printsToStdio() {
    return false;
  }
}

export default SummaryReporter;
