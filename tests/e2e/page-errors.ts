/**
 * Every browser test fails on an uncaught error or an unhandled rejection in a page it opened
 * (openPage collects them; a test lists the ones it provokes on purpose in `expectedPageErrors`).
 * A setup file of the e2e project, so no test file can leave the check out.
 */
import { afterAll, afterEach } from 'vitest';
import { takePageErrors } from './browser';

function failOnPageErrors() {
  const errors = takePageErrors();
  if (errors.length > 0) throw new Error(`uncaught errors in the page:\n${errors.join('\n')}`);
}

afterEach(failOnPageErrors);
// Errors that arrive after a file's last test (a page it left open) fail the file.
afterAll(failOnPageErrors);
