# The two set-up commands: `make demo` and `make test`. Both work on a fresh machine with Node and root.
SHELL := /bin/bash
VOUCH := node bin/vouch.js

.PHONY: install docker browser redis image demo demo-generate demo-judge confusion test test-fast bench bench-distributed mutants typecheck clean

# npm dependencies (npm ci also compiles TypeScript to dist/ through the prepare script).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.installed
	npm run --silent build

docker:
	@bash scripts/ensure-docker.sh

# Debian's redis-server for the distributed tests and benchmark (they start their own on a free loopback port).
redis:
	@bash scripts/ensure-redis.sh

# Debian's Chromium for the report's browser test (test/report.browser.test.ts; playwright-core downloads nothing).
browser:
	@bash scripts/ensure-chromium.sh

image: install docker
	$(VOUCH) image build

demo: image
	@mkdir -p out
	@rm -f out/demo-results.jsonl
	$(VOUCH) verify fixtures/verify/demo.jsonl --out out/demo-results.jsonl --no-cache --timeout-ms 3000 --summary-md out/demo-summary.md; \
	  code=$$?; echo "results: out/demo-results.jsonl  summary: out/demo-summary.md (exit $$code)"; [ $$code -le 1 ]
	@$(MAKE) --no-print-directory confusion
	@echo "trajectories: out/trajectory-results.jsonl  summary: out/trajectory-summary.md"
	$(VOUCH) report out/trajectory-results.jsonl --html out/report.html --trajectories out/trajectory-fixtures.jsonl --title "Vouch: trajectory fixtures"
	@rm -f out/replay-results.jsonl out/replay-fixed.jsonl
	$(VOUCH) replay fixtures/replay/trajectories.jsonl --out out/replay-results.jsonl --repeat 3 --rewrite out/replay-fixed.jsonl --junit out/replay-junit.xml; \
	  code=$$?; [ $$code -le 1 ]
	@echo "report: out/report.html  replay: out/replay-results.jsonl (corrected copy: out/replay-fixed.jsonl)"
	@echo "the whole data flow (annotate, generate, report, partition) against recorded model replies: make demo-generate"

# annotate -> generate -> report -> partition on the 24 fixture problems, the model being a local server replaying
# the authored recordings of fixtures/llm/ (there is no model here); outputs under out/generated/.
demo-generate: image
	npx tsx scripts/demo-generate.ts

# The judge stage end to end (judge-eval, verify --judge, math --judge, report) against a local endpoint replaying
# the authored judge replies of fixtures/llm/judge-replies.jsonl; outputs under out/judge-demo/ (docs/judge.md).
demo-judge: image
	npx tsx scripts/demo-judge.ts

# Every labelled trajectory fixture verified for real, then scored against its label (the confusion table).
confusion: image
	@mkdir -p out
	@rm -f out/trajectory-results.jsonl
	@cat fixtures/trajectories/*.jsonl > out/trajectory-fixtures.jsonl
	$(VOUCH) verify out/trajectory-fixtures.jsonl --out out/trajectory-results.jsonl --no-cache --summary-md out/trajectory-summary.md; \
	  code=$$?; [ $$code -le 1 ]
	$(VOUCH) confusion out/trajectory-results.jsonl fixtures/trajectories/*.jsonl
	@for set in heldout heldout2 humaneval-style utility-style; do \
	  echo "held-out set, written blind from docs/tasks (fixtures/$$set/trajectories.jsonl):"; \
	  rm -f out/$$set-results.jsonl; \
	  $(VOUCH) verify fixtures/$$set/trajectories.jsonl --out out/$$set-results.jsonl --no-cache --json > /dev/null; \
	  code=$$?; [ $$code -le 1 ] || exit 1; \
	  $(VOUCH) confusion out/$$set-results.jsonl fixtures/$$set/trajectories.jsonl || exit 1; \
	done

# Tests whose verdicts rest on timing the code (complexity claims) run alone, after the rest, on a quiet machine.
TIMING_TESTS := src/tasks/planning/verify.docker.test.ts src/tasks/planning/generate.docker.test.ts test/trajectories.docker.test.ts

test: image browser redis
	@mkdir -p out
	npx tsc -p tsconfig.json --noEmit
	npx vitest run $(addprefix --exclude ,$(TIMING_TESTS)) --reporter=default --reporter=json --outputFile.json=out/vitest.json; echo $$? > out/vitest.rc
	npx vitest run $(TIMING_TESTS) --maxWorkers 1 --reporter=default --reporter=json --outputFile.json=out/vitest-timing.json; echo $$? > out/vitest-timing.rc
	@node -e 'const a=require("./out/vitest.json"), b=require("./out/vitest-timing.json"); console.log(`$${a.numPassedTests+b.numPassedTests} passed, $${a.numFailedTests+b.numFailedTests} failed`)'
	@[ "$$(cat out/vitest.rc)" = 0 ] && [ "$$(cat out/vitest-timing.rc)" = 0 ]

test-fast: install
	npx vitest run --exclude '**/*.docker.test.ts'

bench: image
	npx tsx scripts/bench.ts
	npx tsx scripts/bench-static.ts
	npx tsx scripts/bench-math.ts

# Throughput of `vouch worker`s on one Redis (1, 2, 3 workers on this machine) against a local run (docs/distributed.md).
bench-distributed: image redis
	npx tsx scripts/bench-distributed.ts

# Mutants of the fixture problems' reference solutions run in the sandbox: tried, killed, kept per operator (docs/mutation.md).
mutants: image
	npx tsx scripts/mutation-report.ts

typecheck: install
	npx tsc -p tsconfig.json --noEmit

clean:
	rm -rf dist out
