# careergraph: the commands a newcomer needs. `make help` lists them.
#
# Everything is fetched on first use: Go modules from the module proxy, Neo4j from Maven
# Central (through neo4j/pom.xml), GraphiQL from the npm registry (playground/package.json).
# Set NEO4J_URI to use an existing Neo4j; then no local server is started.

SHELL := /bin/bash
GO    ?= go
export GOFLAGS ?= -mod=mod

PLAYGROUND_STAMP := playground/node_modules/.installed
AUDIT_STAMP := httpapi/audit/node_modules/.installed

.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

run: neo4j playground import ## start Neo4j (unless NEO4J_URI is set), import the dataset, serve on 127.0.0.1:8080
	$(GO) run . -LOG_FORMAT=$${LOG_FORMAT:-console}

# -p 4: test binaries take the shared Neo4j one at a time and wait idle for it meanwhile;
# more of them at once lets the packages that need no Neo4j run beside the waiting ones.
# The tests needing the whole O*NET and OEWS data use a second Neo4j (neo4j-full), where
# that data is imported once and kept.
test: neo4j neo4j-full playground audit browser ## run every test, integration tests against the real Neo4j included, with the race detector
	$(GO) test -race -count=1 -p 4 ./...

neo4j: ## start the local Neo4j in the background; returns once Bolt answers (log: .state/neo4j.log)
	@neo4j/neo4jctl start

neo4j-full: neo4j ## start the tests' second Neo4j, for the full data, on 127.0.0.1:7688; returns at once (data and log in ~/.cache/careergraph/neo4j-full)
	@neo4j/neo4jctl start full --no-wait

neo4j-stop: ## stop the local Neo4j (both, when the tests' second one runs)
	@neo4j/neo4jctl stop

import: neo4j ## load (or refresh) the curated dataset into Neo4j
	$(GO) run ./cmd/careergraph-import -NEO4J_WAIT=2m

ONET_DIR ?= ../shared/data/onet-29.3

onet: neo4j ## import the O*NET database from ONET_DIR (text edition or Excel export) into the graph
	$(GO) run ./cmd/careergraph-import -onet -NEO4J_WAIT=2m -ONET_DIR="$(ONET_DIR)"

TITLES ?= /dev/stdin
COLUMN ?=

classify: neo4j ## map job titles to roles as CSV: make classify TITLES=titles.txt (one a line) or TITLES=export.csv COLUMN="Job Title"
	@$(GO) run ./cmd/careergraph-classify -NEO4J_WAIT=2m $(if $(COLUMN),-column "$(COLUMN)") "$(TITLES)"

OEWS_DIR ?= ../shared/data/oews-2025

oews: neo4j ## import BLS's OEWS wages and employment by area from OEWS_DIR (the "all data" .xlsx or .txt)
	$(GO) run ./cmd/careergraph-import -oews -NEO4J_WAIT=2m -OEWS_DIR="$(OEWS_DIR)"

eval: neo4j import ## held-out evaluations: O*NET's related occupations and reported titles (withheld while measured), skills from the guide's text
	$(GO) run ./cmd/careergraph-eval -NEO4J_WAIT=2m -ONET_DIR="$(ONET_DIR)" -signals

BENCH_DURATION ?= 5s
PEER_STAMP := bench/peer/node_modules/.installed

bench: neo4j import $(PEER_STAMP) ## this service vs @neo4j/graphql vs raw Go+Cypher, same Neo4j and load, curated then O*NET + OEWS graph (BENCH_DURATION per run)
	$(GO) run ./cmd/careergraph-bench -compare -duration $(BENCH_DURATION) -ONET_DIR="$(ONET_DIR)" -OEWS_DIR="$(OEWS_DIR)"

bench-scale: neo4j ## grow O*NET to 1x, 3x and 10x its size (seeded) and measure careergraph at each: load, memory, refresh after curator and direct edits, throughput (bench/results/scale.md); BENCH_BASELINE=path measures another build side by side; leaves the curated graph only
	$(GO) run ./cmd/careergraph-bench -scale 1,3,10 -duration $(BENCH_DURATION) -ONET_DIR="$(ONET_DIR)" $(if $(BENCH_BASELINE),-baseline "$(BENCH_BASELINE)")

$(PEER_STAMP): bench/peer/package.json bench/peer/package-lock.json
	cd bench/peer && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

bench-import: neo4j import ## import the full O*NET data and the OEWS wages (rows/s, total time), then time paths, recommendations, wages and words over them, one client at a time
	$(GO) run ./cmd/careergraph-bench -onet -ONET_DIR="$(ONET_DIR)" -OEWS_DIR="$(OEWS_DIR)"

loadtest: neo4j import ## load the service on 127.0.0.1 with vegeta, normal and abusive traffic together (LOADTEST_RATE, LOADTEST_ABUSE_RATE, LOADTEST_DURATION); fails on any normal request's error
	@loadtest/run.sh

FUZZTIME ?= 15s
GRAPH_FUZZ_ROUNDS ?= 100

fuzz: neo4j ## fuzz the GraphQL request path, title matching, name finding and word splitting for FUZZTIME each, then corrupt the graph for GRAPH_FUZZ_ROUNDS seeded rounds (GRAPH_FUZZ_SEED repeats one)
	$(GO) test -run '^$$' -fuzz FuzzGraphQLRequest -fuzztime $(FUZZTIME) ./httpapi
	$(GO) test -run '^$$' -fuzz FuzzMatch -fuzztime $(FUZZTIME) ./titles
	$(GO) test -run '^$$' -fuzz FuzzFind -fuzztime $(FUZZTIME) ./mentions
	$(GO) test -run '^$$' -fuzz FuzzEachWord -fuzztime $(FUZZTIME) ./similarity
	GRAPH_FUZZ_ROUNDS=$(GRAPH_FUZZ_ROUNDS) $(GO) test -count=1 -run '^TestGraphFuzz$$' ./httpapi

kill-drill: neo4j ## kill the local Neo4j with SIGKILL under load, start it again, and check answers come back within 5 s (not in `make test`)
	$(GO) test -tags killdrill -count=1 -v -run '^TestAnswersWithin5sOfNeo4jComingBackAfterSIGKILL$$' .

check-dataset: ## check the dataset file without touching Neo4j
	$(GO) run ./cmd/careergraph-import -check

playground: $(PLAYGROUND_STAMP) ## install the playground's GraphiQL from the npm registry

audit: $(AUDIT_STAMP) ## install graphql-http's GraphQL-over-HTTP audit from the npm registry (make test runs it)

$(AUDIT_STAMP): httpapi/audit/package.json httpapi/audit/package-lock.json
	cd httpapi/audit && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(PLAYGROUND_STAMP): playground/package.json playground/package-lock.json
	cd playground && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

browser: ## install headless Chromium (Debian's chromium package) for the browser test
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "browser: installing Debian's chromium package"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null; }

generate: ## regenerate gqlgen code after a schema change
	$(GO) generate ./...

check-generate: generate ## fail if generated code is not up to date
	@git diff --exit-code -- graph/ || (echo "generated code is stale: run make generate and commit" >&2; exit 1)

readme: ## rewrite README.md's settings table from config/settings.go
	UPDATE_README=1 $(GO) test ./config -run TestREADMEListsEverySetting -count=1

lint: ## vet and check formatting
	$(GO) vet ./...
	@test -z "$$(gofmt -l . | grep -v node_modules)" || (gofmt -l . | grep -v node_modules; echo "gofmt needed" >&2; exit 1)

build: ## build the binaries into bin/
	$(GO) build -o bin/careergraph .
	$(GO) build -o bin/careergraph-import ./cmd/careergraph-import

clean: neo4j-stop ## stop Neo4j and remove local state, the tests' full-data cache and build output
	rm -rf .state bin neo4j/target "$${XDG_CACHE_HOME:-$$HOME/.cache}/careergraph/neo4j-full"

.PHONY: help run test audit browser onet oews eval classify bench bench-scale bench-import loadtest fuzz kill-drill neo4j neo4j-full neo4j-stop import check-dataset playground generate check-generate readme lint build clean
