package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

// A bulk read's context has no deadline, yet ends when the caller's does, for the same
// cause, which translate still calls a timeout.
func TestWithoutDeadlineEndsWithTheCallersContext(t *testing.T) {
	parent, cancelParent := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancelParent()
	ctx, cancel := withoutDeadline(parent)
	defer cancel()
	if _, ok := ctx.Deadline(); ok {
		t.Fatal("the bulk read's context has a deadline")
	}
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the bulk read's context did not end with the caller's")
	}
	if !errors.Is(context.Cause(ctx), context.DeadlineExceeded) {
		t.Fatalf("cause %v, want the caller's deadline", context.Cause(ctx))
	}
	if err := translate(ctx, context.Canceled); !errors.Is(err, ErrTimeout) {
		t.Fatalf("translate = %v, want ErrTimeout", err)
	}

	ctx, cancel = withoutDeadline(context.Background())
	cancel()
	if ctx.Err() == nil {
		t.Fatal("cancel did not end the bulk read's context")
	}
	if err := translate(ctx, context.Canceled); errors.Is(err, ErrTimeout) {
		t.Fatalf("a cancelled read is not a timeout: %v", err)
	}
}

// detached returns the read's result, raises its panic again, and returns as soon as the
// caller's context ends, a timeout, even while the read is still blocked.
func TestDetachedReturnsWhenTheCallerStopsWaiting(t *testing.T) {
	v, err := detached(context.Background(), func(ctx context.Context) (int, error) {
		if _, ok := ctx.Deadline(); ok {
			t.Error("the read's context has a deadline")
		}
		return 7, nil
	})
	if v != 7 || err != nil {
		t.Fatalf("detached = %d, %v; want 7, nil", v, err)
	}

	release := make(chan struct{})
	defer close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = detached(ctx, func(context.Context) (int, error) { <-release; return 0, nil })
	if !errors.Is(err, ErrTimeout) || time.Since(start) > 5*time.Second {
		t.Fatalf("a blocked read: %v after %s; want ErrTimeout at the deadline", err, time.Since(start))
	}

	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want the read's panic", r)
		}
	}()
	_, _ = detached(context.Background(), func(context.Context) (int, error) { panic("boom") })
}
