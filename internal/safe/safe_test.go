package safe

import (
	"sync/atomic"
	"testing"
)

// Parallel runs every function, waits for all of them, and raises a panic of one in the
// caller once the others have ended.
func TestParallel(t *testing.T) {
	var ran atomic.Int32
	Parallel(func() { ran.Add(1) }, func() { ran.Add(1) }, func() { ran.Add(1) })
	if ran.Load() != 3 {
		t.Fatalf("%d of 3 ran", ran.Load())
	}
	ran.Store(0)
	defer func() {
		if r := recover(); r != "boom" || ran.Load() != 2 {
			t.Errorf("recovered %v after %d others ran; want boom after 2", r, ran.Load())
		}
	}()
	Parallel(func() { ran.Add(1) }, func() { panic("boom") }, func() { ran.Add(1) })
	t.Error("no panic")
}
