package httpapi

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
)

// Beyond MaxInFlight, a request is answered at once with 503 and Retry-After.
func TestRequestsBeyondTheLimitAreShed(t *testing.T) {
	s := newLoadShedder(1, 1, HeavyCost, 1<<20)
	entered, release := make(chan struct{}), make(chan struct{})
	h := s.middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		<-release
		w.Write([]byte(`{"data":{}}`))
	}))
	var wg sync.WaitGroup
	wg.Add(1)
	first := httptest.NewRecorder()
	go func() {
		defer wg.Done()
		h.ServeHTTP(first, httptest.NewRequest("POST", "/graphql", nil))
	}()
	<-entered
	second := httptest.NewRecorder()
	h.ServeHTTP(second, httptest.NewRequest("POST", "/graphql", nil))
	if second.Code != http.StatusServiceUnavailable || second.Header().Get("Retry-After") == "" {
		t.Errorf("second request while one is in flight: %d, Retry-After %q", second.Code, second.Header().Get("Retry-After"))
	}
	close(release)
	wg.Wait()
	if first.Code != http.StatusOK || first.Body.String() != `{"data":{}}` {
		t.Errorf("first request: %d %s", first.Code, first.Body)
	}
}

// With the heavy lane full, a heavy operation is shed (its request answers 503) while a
// cheap one runs; the slot is free again once the running heavy operation has answered.
func TestHeavyOperationsBeyondTheirLaneAreShed(t *testing.T) {
	s := newLoadShedder(10, 1, HeavyCost, 1<<20)
	op := func(price int) (context.Context, *shedState) {
		st := &shedState{}
		oc := &graphql.OperationContext{Stats: graphql.Stats{}}
		oc.Stats.SetExtension("ComplexityLimit", &extension.ComplexityStats{Complexity: price})
		return graphql.WithOperationContext(context.WithValue(context.Background(), shedKey{}, st), oc), st
	}
	ran := func(ctx context.Context) graphql.ResponseHandler {
		return graphql.OneShot(&graphql.Response{Data: []byte(`{}`)})
	}
	ctx1, st1 := op(HeavyCost)
	running := s.aroundOperation(ctx1, ran) // holds the only heavy slot until it answers
	ctx2, st2 := op(HeavyCost * 2)
	if resp := s.aroundOperation(ctx2, ran)(ctx2); len(resp.Errors) == 0 || !st2.overloaded {
		t.Fatalf("second heavy operation: %+v, overloaded %v; want it shed", resp, st2.overloaded)
	}
	ctx3, st3 := op(10)
	if resp := s.aroundOperation(ctx3, ran)(ctx3); len(resp.Errors) > 0 || st3.overloaded {
		t.Errorf("a cheap operation beside them: %+v", resp)
	}
	running(ctx1)
	if st1.overloaded {
		t.Error("the running heavy operation was marked shed")
	}
	ctx4, st4 := op(HeavyCost)
	if resp := s.aroundOperation(ctx4, ran)(ctx4); len(resp.Errors) > 0 || st4.overloaded {
		t.Errorf("after the first answered, a heavy operation: %+v", resp)
	}
}
