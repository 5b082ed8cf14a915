package graph

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vikstrous/dataloadgen"

	"github.com/careergraph/careergraph/internal/safe"
	"github.com/careergraph/careergraph/planner"
	"github.com/careergraph/careergraph/store"
)

// Error codes clients see in extensions.code, besides gqlgen's own
// GRAPHQL_PARSE_FAILED and GRAPHQL_VALIDATION_FAILED.
const (
	CodeBadUserInput = "BAD_USER_INPUT"
	CodeNotFound     = "NOT_FOUND"
	CodeUnavailable  = "UNAVAILABLE"
	CodeTimeout      = "TIMEOUT"
	CodeInternal     = "INTERNAL_SERVER_ERROR"
)

// badInput reports an argument the client must change; the message says how.
func badInput(format string, args ...any) error {
	return &gqlerror.Error{Message: fmt.Sprintf(format, args...),
		Extensions: map[string]any{"code": CodeBadUserInput}}
}

// notFound reports an id that names nothing of the expected kind.
func notFound(kind, id string) error {
	return fmt.Errorf("no %s has id %q: %w", kind, id, store.ErrNotFound)
}

// ErrorPresenter gives every error a code and a message a client can act on. Errors the
// client cannot act on are logged with the request id and replaced by a generic message.
func ErrorPresenter(ctx context.Context, err error) *gqlerror.Error {
	gqlErr := graphql.DefaultErrorPresenter(ctx, err)
	if _, ok := gqlErr.Extensions["code"]; ok {
		return gqlErr
	}
	var code, msg string
	switch {
	case planner.IsInputError(err) || isInvalid(err):
		code, msg = CodeBadUserInput, gqlErr.Message
	case errors.Is(err, errNotCurator):
		code, msg = CodeUnauthenticated, gqlErr.Message
	case errors.Is(err, store.ErrReadOnly):
		code, msg = CodeForbidden, gqlErr.Message
	case errors.Is(err, store.ErrNotFound) || errors.Is(err, dataloadgen.ErrNotFound):
		code, msg = CodeNotFound, gqlErr.Message
	case errors.Is(err, store.ErrUnavailable):
		code, msg = CodeUnavailable, "the graph database is unavailable; try again in a few seconds"
	case errors.Is(err, store.ErrTimeout) || errors.Is(err, context.DeadlineExceeded):
		code, msg = CodeTimeout, "the request took too long and was stopped; ask for fewer or smaller results"
	default:
		code, msg = CodeInternal, "internal error"
	}
	if code == CodeInternal || code == CodeUnavailable || code == CodeTimeout {
		zerolog.Ctx(ctx).Error().Err(err).Str("code", code).Str("path", gqlErr.Path.String()).Msg("request failed")
	}
	gqlErr.Message = msg
	gqlErr.Extensions = map[string]any{"code": code}
	if id := RequestID(ctx); id != "" {
		gqlErr.Extensions["requestId"] = id
	}
	return gqlErr
}

type requestIDKey struct{}

// WithRequestID records the request's id, for errors to quote.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID is the id WithRequestID recorded, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// Recover turns a resolver panic into an internal error, logged with its stack.
func Recover(ctx context.Context, p any) error {
	safe.Count("resolver")
	zerolog.Ctx(ctx).Error().Str("stack", string(debug.Stack())).Interface("panic", p).Msg("resolver panicked")
	return errors.New("internal error")
}
