// Package memlimit keeps the Go runtime's soft memory limit at twice what the service
// holds live once a snapshot has settled. Left to GOGC alone the heap may grow to twice
// what was live at the last collection, and during a reload, while the graph is read
// again beside the snapshot being served, that doubles a larger figure; with the limit,
// the collector runs more often during the reload instead. Between reloads the limit
// is near where GOGC would put the heap; the runtime also counts pages it has not given
// back yet, so the limit binds a little earlier and collections come more often
// (BENCHMARKS.md measures what that costs).
//
// During a full read of a large graph it also lets the collector run less often (see
// Loading).
package memlimit

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/careergraph/careergraph/internal/safe"
	"github.com/rs/zerolog"
)

// Overhead is an allowance for what the runtime holds beside the heap (stacks, its own
// bookkeeping, pages not yet given back), so that between reloads the limit sits near where
// GOGC would put the heap. Slack is the least room the limit leaves above the live heap: for a
// small graph, twice what is live would leave too little for a reload and the requests
// served beside it (answers of up to MAX_RESPONSE_BYTES each).
const Overhead, Slack = 16 << 20, 128 << 20

// Limit is the memory limit for a live heap of live bytes: twice it and the overhead, or
// the slack above it, whichever is more.
func Limit(live uint64) int64 {
	return int64(min(max(2*live+Overhead, live+Slack), math.MaxInt64/2))
}

// Delay is how long after Settled the live heap is measured, once a limit is set:
// requests that began before a new snapshot was swapped in still hold the old one for a
// moment, and measured with it the limit would be set for both. The first measurement,
// after the first load, has no old snapshot to wait for and is made at once, so that the
// reads that follow have a limit.
const Delay = 250 * time.Millisecond

// Sizer sets the memory limit after each Settled. A nil Sizer does nothing.
type Sizer struct {
	log     zerolog.Logger
	delay   time.Duration // Delay; tests shorten it
	measure func() uint64 // the live heap, in bytes, after a collection
	reads   func() (begun uint64, now bool)
	set     func(int64) // sets the limit
	mu      sync.Mutex
	running bool // a measurement is under way
	again   bool // Settled was called during it: measure once more
	limited bool // a limit has been set
}

// New returns a Sizer, or nil when the operator set GOMEMLIMIT: then the runtime keeps
// that limit.
func New(log zerolog.Logger) *Sizer {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		log.Info().Msg("GOMEMLIMIT is set: the memory limit is left as set")
		return nil
	}
	return runtimeSizer(log)
}

// runtimeSizer is a Sizer of this process's runtime.
func runtimeSizer(log zerolog.Logger) *Sizer {
	return &Sizer{log: log, delay: Delay, measure: liveAfterCollection, set: func(n int64) { debug.SetMemoryLimit(n) }}
}

// Watch gives the Sizer what tells it a read of the graph is under way or began
// (planner.Planner.Reading): a live heap measured during one counts the graph being read
// and is not used; the read's own Settled brings the next measurement. Call it before the
// first Settled.
func (s *Sizer) Watch(reads func() (begun uint64, now bool)) {
	if s != nil {
		s.reads = reads
	}
}

// Settled tells the Sizer that what the service holds live has changed and settled (a
// snapshot was swapped in, its indexes built). It returns at once: the collection that
// measures the live heap runs in the background (Delay later once a limit is set), and
// calls made meanwhile are served by one more measurement after it.
func (s *Sizer) Settled() {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running {
		s.again = true
		return
	}
	s.running = true
	safe.Go(s.log, "memlimit.resize", s.resize)
}

// resize measures and sets the limit until no Settled came in meanwhile.
func (s *Sizer) resize() {
	defer func() {
		if r := recover(); r != nil {
			s.mu.Lock()
			s.running, s.again = false, false
			s.mu.Unlock()
			panic(r) // for safe.Go to log
		}
	}()
	for {
		if s.limited {
			time.Sleep(s.delay)
		}
		s.resizeOnce()
		s.mu.Lock()
		if !s.again {
			s.running = false
			s.mu.Unlock()
			return
		}
		s.again = false
		s.mu.Unlock()
	}
}

// resizeOnce measures the live heap and sets the limit, unless a read of the graph was
// under way or began meanwhile.
func (s *Sizer) resizeOnce() {
	var before uint64
	if s.reads != nil {
		begun, now := s.reads()
		if now {
			return
		}
		before = begun
	}
	live := s.measure()
	if s.reads != nil {
		if begun, now := s.reads(); now || begun != before {
			s.log.Debug().Msg("memory limit kept: a read of the graph began while the heap was measured")
			return
		}
	}
	s.set(Limit(live))
	s.limited = true
	s.log.Debug().Uint64("live_mib", live>>20).Int64("limit_mib", Limit(live)>>20).Msg("memory limit set")
}

// liveAfterCollection collects garbage and returns the heap left live.
func liveAfterCollection() uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

// LargeGraph is the number of roles from which a full read of the graph runs the
// collector less often: twice the size below which the store reads the roles in one part,
// so that O*NET's 1,031 roles, and three times that, load as before.
const LargeGraph = 8192

// LoadGCPercent is the collector's pace (GOGC) during a full read of a large graph. Most
// of what a read allocates is the driver's decoding, dead once a record is checked:
// letting the heap grow to three times what is live before a collection, instead of twice,
// marks the growing graph fewer times. At ten times O*NET the load took 1.68 s against 1.84,
// and the peak once ready rose from about 240 to 256–286 MiB (BENCHMARKS.md).
const LoadGCPercent = 200

// Loading sets the collector's pace for a full read of a graph of roles roles, and
// returns what sets it back once the snapshot is built. It changes nothing for a graph
// smaller than LargeGraph, or when the operator set GOGC. The memory limit, once set,
// still binds.
func Loading(roles int) (done func()) {
	if _, set := os.LookupEnv("GOGC"); set || roles < LargeGraph {
		return func() {}
	}
	old := debug.SetGCPercent(LoadGCPercent)
	return func() { debug.SetGCPercent(old) }
}
