// Package metrics holds the service's Prometheus collectors, served at /metrics.
package metrics

import (
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/internal/safe"
	"github.com/careergraph/careergraph/store"
)

// Metrics are the service's collectors, on a registry of their own.
type Metrics struct {
	reg         *prometheus.Registry
	requests    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	statements  *prometheus.HistogramVec
	stmtErrors  *prometheus.CounterVec
	batchSizes  *prometheus.HistogramVec
	rateLimited prometheus.Counter
	rejected    *prometheus.GaugeVec
	loads       prometheus.Counter
	loadSeconds prometheus.Gauge
	patches     prometheus.Counter
	patchSecs   prometheus.Gauge
	roles       prometheus.Gauge

	mu         sync.Mutex
	registered map[string]bool // operation names that always get a label of their own
	seen       map[string]bool // other names given a label, first come, up to maxOperationNames
}

// maxOperationNames bounds the operation names that get a label of their own besides
// the registered ones; any other name is counted as "other", so clients cannot grow the
// metrics without bound by naming their operations.
const maxOperationNames = 100

// New creates and registers the collectors.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(), registered: map[string]bool{}, seen: map[string]bool{},
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "careergraph_graphql_requests_total",
			Help: "GraphQL operations by operation name and outcome (ok, or an error code)."}, []string{"operation", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "careergraph_graphql_duration_seconds",
			Help: "Time to answer a GraphQL operation.", Buckets: prometheus.ExponentialBuckets(0.001, 2, 14)}, []string{"operation"}),
		statements: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "careergraph_neo4j_statement_duration_seconds",
			Help:    "Time of one Cypher statement, round trip included, by statement (its file in store/cypher).",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14)}, []string{"statement"}),
		stmtErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "careergraph_neo4j_statement_errors_total",
			Help: "Cypher statements that failed, by statement and kind (unavailable, timeout, other)."}, []string{"statement", "kind"}),
		batchSizes: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "careergraph_loader_batch_size",
			Help: "Keys per dataloader batch.", Buckets: prometheus.ExponentialBuckets(1, 2, 11)}, []string{"loader"}),
		rateLimited: prometheus.NewCounter(prometheus.CounterOpts{Name: "careergraph_rate_limited_total",
			Help: "Requests refused with 429 by the rate limiter."}),
		loads: prometheus.NewCounter(prometheus.CounterOpts{Name: "careergraph_snapshot_loads_total",
			Help: "Full loads of the planner's snapshot (at start, and after the graph changed)."}),
		loadSeconds: prometheus.NewGauge(prometheus.GaugeOpts{Name: "careergraph_snapshot_load_seconds",
			Help: "How long the last full load of the planner's snapshot took: the graph read and the build."}),
		patches: prometheus.NewCounter(prometheus.CounterOpts{Name: "careergraph_snapshot_patches_total",
			Help: "Patches of the planner's snapshot with a change the service made and recorded (a curator edit), instead of a full load."}),
		patchSecs: prometheus.NewGauge(prometheus.GaugeOpts{Name: "careergraph_snapshot_patch_seconds",
			Help: "How long the last patch of the planner's snapshot took: the changed roles' read and the build."}),
		roles: prometheus.NewGauge(prometheus.GaugeOpts{Name: "careergraph_snapshot_roles",
			Help: "Roles in the planner's current snapshot."}),
		rejected: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "careergraph_snapshot_rejected_records",
			Help: "Records of the graph left out of the planner's current snapshot because they failed their check, by kind and reason (the dataProblems query lists them)."},
			[]string{"kind", "reason"}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.statements, m.stmtErrors, m.batchSizes, m.rateLimited, m.rejected, panics{},
		m.loads, m.loadSeconds, m.patches, m.patchSecs, m.roles,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics in Prometheus' text format.
func (m *Metrics) Handler() http.Handler { return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}) }

// RegisterOperations gives these operation names labels of their own whatever else is
// seen (the trusted documents' names, say).
func (m *Metrics) RegisterOperations(names ...string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, n := range names {
		m.registered[n] = true
	}
}

// Operation records one GraphQL operation under a bounded label: its name when registered
// or among the first names seen, "anonymous" without one, else "other".
func (m *Metrics) Operation(name, outcome string, took time.Duration) {
	label := m.label(name)
	m.requests.WithLabelValues(label, outcome).Inc()
	m.latency.WithLabelValues(label).Observe(took.Seconds())
}

func (m *Metrics) label(name string) string {
	if name == "" {
		return "anonymous"
	}
	if len(name) > 64 {
		return "other"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case m.registered[name], m.seen[name]:
		return name
	case len(m.seen) < maxOperationNames:
		m.seen[name] = true
		return name
	}
	return "other"
}

// Statement records one Cypher statement; it fits store.Config.OnStatement. Statement
// names are the files of store/cypher, so the label's values are bounded.
func (m *Metrics) Statement(statement string, took time.Duration, err error) {
	m.statements.WithLabelValues(statement).Observe(took.Seconds())
	switch {
	case err == nil:
	case errors.Is(err, store.ErrUnavailable):
		m.stmtErrors.WithLabelValues(statement, "unavailable").Inc()
	case errors.Is(err, store.ErrTimeout):
		m.stmtErrors.WithLabelValues(statement, "timeout").Inc()
	default:
		m.stmtErrors.WithLabelValues(statement, "other").Inc()
	}
}

// Batch records the size of one loader batch.
func (m *Metrics) Batch(loader string, keys int) {
	m.batchSizes.WithLabelValues(loader).Observe(float64(keys))
}

// Load records one load of the planner's snapshot, a full one or a patch; it fits
// planner.Options.OnLoad.
func (m *Metrics) Load(took time.Duration, roles int, patched bool) {
	if patched {
		m.patches.Inc()
		m.patchSecs.Set(took.Seconds())
	} else {
		m.loads.Inc()
		m.loadSeconds.Set(took.Seconds())
	}
	m.roles.Set(float64(roles))
}

// Snapshot records the problems of the planner's new snapshot; it fits
// planner.Options.OnSnapshot. Every kind and reason is set, to 0 when none.
func (m *Metrics) Snapshot(problems []domain.Problem) {
	counts := map[[2]string]int{}
	for _, p := range problems {
		counts[[2]string{p.Kind, p.Reason}]++
	}
	for _, kind := range domain.ProblemKinds {
		for _, reason := range domain.ProblemReasons {
			m.rejected.WithLabelValues(kind, reason).Set(float64(counts[[2]string{kind, reason}]))
		}
	}
}

// panics exports the panics recovered in this process (internal/safe), by where.
type panics struct{}

var panicsDesc = prometheus.NewDesc("careergraph_panics_recovered_total",
	"Panics recovered (in background work, loaders or resolvers) instead of ending the process, by where.", []string{"where"}, nil)

func (panics) Describe(ch chan<- *prometheus.Desc) { ch <- panicsDesc }

func (panics) Collect(ch chan<- prometheus.Metric) {
	for where, n := range safe.Panics() {
		ch <- prometheus.MustNewConstMetric(panicsDesc, prometheus.CounterValue, float64(n), where)
	}
}

// RateLimited records a request refused by the rate limiter.
func (m *Metrics) RateLimited() { m.rateLimited.Inc() }
