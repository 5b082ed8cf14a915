package httpapi

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/metrics"
)

// nameOperation adds the operation's name to the request's log lines.
func nameOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if oc := graphql.GetOperationContext(ctx); oc != nil && oc.Operation != nil {
		name := oc.Operation.Name
		if name == "" {
			name = "anonymous"
		}
		zerolog.Ctx(ctx).UpdateContext(func(c zerolog.Context) zerolog.Context { return c.Str("operation", name) })
	}
	return next(ctx)
}

// observeResponse counts each operation by name and outcome and times it.
func observeResponse(m *metrics.Metrics) graphql.ResponseMiddleware {
	return func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		start := time.Now()
		resp := next(ctx)
		name := ""
		if oc := graphql.GetOperationContext(ctx); oc != nil && oc.Operation != nil {
			name = oc.Operation.Name
		}
		outcome := "ok"
		if resp != nil && len(resp.Errors) > 0 {
			outcome, _ = resp.Errors[0].Extensions["code"].(string)
		}
		m.Operation(name, outcome, time.Since(start))
		return resp
	}
}
