// Paths and file names shared by the Python plans and the in-image harnesses (sandbox-images/python/runner).
export const SOLUTION_FILE = "solution.py";
export const ASSERT_HARNESS = "/opt/vouch/assert_harness.py";
export const PYTEST_HARNESS = "/opt/vouch/pytest_harness.py";
export const PYTHON = "python3";
export const CALL_HARNESS = "/opt/vouch/call_harness.py";
