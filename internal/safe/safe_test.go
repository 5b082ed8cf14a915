package safe

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
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

// Detach returns fn's result, raises its panic again in the caller, and returns ctx's cause
// as soon as ctx ends, without waiting for fn.
func TestDetach(t *testing.T) {
	if v, err := Detach(context.Background(), func() (int, error) { return 7, nil }); v != 7 || err != nil {
		t.Fatalf("Detach = %d, %v; want 7, nil", v, err)
	}
	release := make(chan struct{})
	defer close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := Detach(ctx, func() (int, error) { <-release; return 1, nil }); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Detach of blocked work = %v, want the deadline", err)
	}
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want fn's panic", r)
		}
	}()
	_, _ = Detach(context.Background(), func() (int, error) { panic("boom") })
}
