// Package safe keeps a panic in background work from ending the process: Go starts work
// that recovers, Parallel raises a panic of parallel work again in its caller, and
// Recover, deferred, turns a panic into an error. Either way the panic
// is logged with its stack and counted by where it happened (for /metrics).
package safe

import (
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/rs/zerolog"
)

var (
	mu     sync.Mutex
	panics = map[string]int64{}
)

// Go runs fn in a new goroutine; a panic in it is recovered, logged and counted under where.
func Go(log zerolog.Logger, where string, fn func()) {
	go func() {
		defer Recover(log, where, nil)
		fn()
	}()
}

// Parallel runs each of fns in a goroutine of its own and returns when all have ended. A
// panic in one is raised again here, in the caller, where the caller's own recovery (a
// refresh's, a request's) handles it as if the work had run in line.
func Parallel(fns ...func()) {
	panics := make([]any, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { panics[i] = recover() }()
			fn()
		}()
	}
	wg.Wait()
	for _, r := range panics {
		if r != nil {
			panic(r)
		}
	}
}

// Recover, deferred, recovers a panic, logs it with its stack, counts it under where and,
// when err is not nil, makes it the function's error.
func Recover(log zerolog.Logger, where string, err *error) {
	r := recover()
	if r == nil {
		return
	}
	Count(where)
	log.Error().Str("where", where).Interface("panic", r).Str("stack", string(debug.Stack())).Msg("recovered from a panic")
	if err != nil {
		*err = fmt.Errorf("%s: recovered from a panic: %v", where, r)
	}
}

// Count counts a panic recovered elsewhere (a resolver's, by gqlgen) under where.
func Count(where string) {
	mu.Lock()
	defer mu.Unlock()
	panics[where]++
}

// Panics returns how many panics were recovered, by where, in this process.
func Panics() map[string]int64 {
	mu.Lock()
	defer mu.Unlock()
	out := make(map[string]int64, len(panics))
	for k, v := range panics {
		out[k] = v
	}
	return out
}
