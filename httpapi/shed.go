package httpapi

import (
	"context"
	"encoding/json"
	"mime"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// HeavyCost is the price from which a query counts as heavy for MaxHeavyInFlight.
const HeavyCost = 10_000

// loadShedder bounds the work in flight: at most max GraphQL requests at once, and of
// those at most heavy whose price is HeavyCost or more. A request beyond either bound is
// answered at once with 503 and Retry-After instead of queueing, so a flood of expensive
// queries cannot starve cheap ones. It also caps the size of a response.
type loadShedder struct {
	all, heavy  chan struct{}
	heavyCost   int
	maxResponse int
}

func newLoadShedder(maxInFlight, maxHeavy, heavyCost, maxResponse int) *loadShedder {
	return &loadShedder{all: make(chan struct{}, maxInFlight), heavy: make(chan struct{}, maxHeavy),
		heavyCost: heavyCost, maxResponse: maxResponse}
}

// shedState is what one request's handlers tell its response writer.
type shedState struct{ overloaded, tooLarge bool }

type shedKey struct{}

func (s *loadShedder) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case s.all <- struct{}{}:
			defer func() { <-s.all }()
		default:
			overloaded(w)
			return
		}
		st := &shedState{}
		sw := &shedWriter{ResponseWriter: w, state: st, max: s.maxResponse}
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), shedKey{}, st)))
		sw.flush()
	})
}

func overloaded(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "1")
	requestError(w, http.StatusServiceUnavailable, "OVERLOADED",
		"the service is answering as many costly requests as it can; retry after the time in Retry-After")
}

// aroundOperation takes a heavy slot for a heavy operation, or sheds it.
func (s *loadShedder) aroundOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	stats, _ := oc.Stats.GetExtension("ComplexityLimit").(*extension.ComplexityStats)
	if stats == nil || stats.Complexity < s.heavyCost {
		return next(ctx)
	}
	select {
	case s.heavy <- struct{}{}:
	default:
		if st, ok := ctx.Value(shedKey{}).(*shedState); ok {
			st.overloaded = true
		}
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{limitError("OVERLOADED",
			"too many costly queries are running; retry after the time in Retry-After")}})
	}
	handler := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		defer func() { <-s.heavy }()
		return handler(ctx)
	}
}

// stopAtDeadline ends resolving as soon as the request's deadline passes or its client
// goes away, however much CPU-bound work is left.
func stopAtDeadline(ctx context.Context, next graphql.Resolver) (any, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return next(ctx)
}

// answerLateRequests turns the empty answer gqlgen gives when a request's context ended
// before anything was resolved into a TIMEOUT error the client can act on.
func answerLateRequests(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	handler := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := handler(ctx)
		if resp == nil && ctx.Err() != nil {
			return &graphql.Response{Errors: gqlerror.List{limitError("TIMEOUT",
				"the request ran past its deadline or its client went away; retry, or ask for less")}}
		}
		return resp
	}
}

// shedWriter holds the status back until the body is known, so that a shed operation
// answers 503 and a response over the size cap is replaced by an error.
type shedWriter struct {
	http.ResponseWriter
	state   *shedState
	max     int
	status  int
	body    []byte
	written bool
}

func (w *shedWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
}

func (w *shedWriter) Write(p []byte) (int, error) {
	if w.max > 0 && len(w.body)+len(p) > w.max {
		w.state.tooLarge = true
		w.body = nil
		return len(p), nil
	}
	if !w.state.tooLarge {
		w.body = append(w.body, p...)
	}
	return len(p), nil
}

func (w *shedWriter) flush() {
	switch {
	case w.state.overloaded:
		overloaded(w.ResponseWriter)
	case w.state.tooLarge:
		requestError(w.ResponseWriter, http.StatusOK, "RESPONSE_TOO_LARGE",
			"the answer is larger than the limit of "+itoa(int64(w.max))+" bytes; ask for fewer items (first) or fewer fields")
	default:
		if w.status == 0 {
			w.status = http.StatusOK
		}
		w.status, w.body = conform(w.ResponseWriter.Header().Get("Content-Type"), w.status, w.body)
		w.ResponseWriter.WriteHeader(w.status)
		_, _ = w.ResponseWriter.Write(w.body)
	}
}

// conform applies the GraphQL over HTTP rules gqlgen leaves out: a request error (a
// document that does not parse or validate, variables that do not coerce) answers 200 in
// application/json, and in application/graphql-response+json carries no data entry.
func conform(contentType string, status int, body []byte) (int, []byte) {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch {
	case mt == "application/json" && status == http.StatusUnprocessableEntity:
		return http.StatusOK, body
	case mt == "application/graphql-response+json" && status >= 400:
		var fields map[string]json.RawMessage
		if json.Unmarshal(body, &fields) != nil {
			return status, body
		}
		if _, ok := fields["data"]; !ok {
			return status, body
		}
		delete(fields, "data")
		if b, err := json.Marshal(fields); err == nil {
			return status, b
		}
	}
	return status, body
}
