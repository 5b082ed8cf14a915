package memlimit

import (
	"math"
	"runtime/debug"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"
)

func TestLimit(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, Slack},
		{20 << 20, 148 << 20},                   // small: the slack above what is live
		{130 << 20, (2 * 130 << 20) + Overhead}, // large: twice what is live, and the overhead
		{math.MaxUint64 / 2, math.MaxInt64 / 2},
	} {
		if got := Limit(c.live); got != c.want {
			t.Errorf("Limit(%d MiB) = %d MiB, want %d MiB", c.live>>20, got>>20, c.want>>20)
		}
	}
}

// Calls to Settled while a measurement runs are served by one more measurement after it,
// and the limit set is the one for the last live heap measured.
func TestSettledDuringAMeasurementMeasuresOnceMore(t *testing.T) {
	var mu sync.Mutex
	var set []int64
	measuring, release := make(chan struct{}), make(chan struct{})
	measured := 0
	s := &Sizer{log: zerolog.Nop(), set: func(n int64) { mu.Lock(); set = append(set, n); mu.Unlock() },
		measure: func() uint64 {
			mu.Lock()
			measured++
			n := measured
			mu.Unlock()
			if n == 1 {
				close(measuring)
				<-release
			}
			return uint64(n) * 100 << 20
		}}
	s.Settled()
	<-measuring
	s.Settled()
	s.Settled()
	close(release)
	deadline := time.Now().Add(5 * time.Second)
	for {
		s.mu.Lock()
		running := s.running
		s.mu.Unlock()
		if !running {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the sizer still runs after 5 s")
		}
		time.Sleep(time.Millisecond)
	}
	if measured != 2 || len(set) != 2 || set[1] != Limit(200<<20) {
		t.Errorf("measured %d times, limits set %v; want 2 measurements, the last limit %d", measured, set, Limit(200<<20))
	}
}

// With GOMEMLIMIT set, the operator's limit stands: there is no Sizer, and Settled on
// none does nothing.
func TestGOMEMLIMITIsLeftAlone(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "1GiB")
	s := New(zerolog.Nop())
	if s != nil {
		t.Fatal("a Sizer despite GOMEMLIMIT")
	}
	s.Settled()
}

// Settled sets the process's memory limit from its live heap.
func TestSettledSetsTheRuntimesLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	s := runtimeSizer(zerolog.Nop())
	s.delay = 0
	held := make([]byte, 200<<20) // live while measured
	s.Settled()
	deadline := time.Now().Add(10 * time.Second)
	for debug.SetMemoryLimit(-1) == before {
		if time.Now().After(deadline) {
			t.Fatal("the memory limit was not set within 10 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if got := debug.SetMemoryLimit(-1); got < Limit(200<<20) || got > Limit(300<<20) {
		t.Errorf("limit %d MiB with 200 MiB held live; want about %d MiB", got>>20, Limit(200<<20)>>20)
	}
	held[len(held)-1] = 1
}

// The first live heap is measured at once after Settled, so that the reads after the
// first load have a limit; the next ones a delay after, once requests still holding the
// old snapshot have let it go.
func TestMeasuredAtOnceThenAfterTheDelay(t *testing.T) {
	measured := make(chan time.Time, 1)
	s := &Sizer{log: zerolog.Nop(), delay: 300 * time.Millisecond, set: func(int64) {},
		measure: func() uint64 { measured <- time.Now(); return 1 }}
	for i, wantDelay := range []bool{false, true} {
		settled := time.Now()
		s.Settled()
		select {
		case at := <-measured:
			if took := at.Sub(settled); wantDelay != (took >= s.delay) {
				t.Errorf("measurement %d came %v after Settled; the delay is %v", i+1, took, s.delay)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("measurement %d not made within 5 s", i+1)
		}
		for s.isRunning() {
			time.Sleep(time.Millisecond)
		}
	}
}

func (s *Sizer) isRunning() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.running
}

// A live heap measured while a read of the graph was under way, or with one begun
// meanwhile, counts the graph being read: the limit is left as it was.
func TestNoLimitFromAHeapMeasuredDuringARead(t *testing.T) {
	for _, c := range []struct {
		name          string
		before, after uint64
		busy          []bool // under way when asked before and after measuring
		want          bool   // the limit set
	}{
		{"no read", 3, 3, []bool{false, false}, true},
		{"a read under way", 3, 3, []bool{true, true}, false},
		{"a read begun and done meanwhile", 3, 4, []bool{false, false}, false},
		{"a read begun meanwhile, under way", 3, 4, []bool{false, true}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			calls, set := 0, false
			s := &Sizer{log: zerolog.Nop(), set: func(int64) { set = true }, measure: func() uint64 { return 1 << 30 },
				reads: func() (uint64, bool) {
					calls++
					if calls == 1 {
						return c.before, c.busy[0]
					}
					return c.after, c.busy[1]
				}}
			s.resizeOnce()
			if set != c.want {
				t.Errorf("limit set: %v, want %v", set, c.want)
			}
		})
	}
}

// A full read of a large graph runs the collector at LoadGCPercent until it is done; of
// a smaller graph, or with GOGC set by the operator, at the pace it had.
func TestLoading(t *testing.T) {
	pace := func() int { p := debug.SetGCPercent(100); debug.SetGCPercent(p); return p }
	before := pace()
	done := Loading(LargeGraph)
	if got := pace(); got != LoadGCPercent {
		t.Errorf("pace during a large read = %d, want %d", got, LoadGCPercent)
	}
	done()
	if got := pace(); got != before {
		t.Errorf("pace after the read = %d, want %d", got, before)
	}
	done = Loading(LargeGraph - 1)
	if got := pace(); got != before {
		t.Errorf("pace during a smaller read = %d, want %d", got, before)
	}
	done()
	t.Setenv("GOGC", "100")
	done = Loading(LargeGraph)
	if got := pace(); got != before {
		t.Errorf("pace with GOGC set = %d, want %d", got, before)
	}
	done()
}
