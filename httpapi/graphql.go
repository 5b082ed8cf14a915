package httpapi

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/careergraph/careergraph/graph"
)

// graphqlHandler serves GraphQL over HTTP (GET and POST, application/json unless the
// client asks for application/graphql-response+json), with per-request loaders.
// A limiter, when not nil, is charged each operation's cost.
func graphqlHandler(o Options, limiter *rateLimiter, shed *loadShedder) http.Handler {
	srv := handler.New(costModel{ExecutableSchema: o.Schema, listCost: o.Limits.ListCost, bound: o.ListBound})
	// application/json unless the client asks for application/graphql-response+json, as
	// the GraphQL over HTTP specification says for clients that do not say (or say */*).
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetParserTokenLimit(o.Limits.MaxTokens)
	if o.TrustedDocuments != nil {
		o.Metrics.RegisterOperations(o.TrustedDocuments.OperationNames()...)
		srv.Use(o.TrustedDocuments)
	} else {
		srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	}
	if o.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(shapeLimits{o.Limits})
	srv.Use(extension.FixedComplexityLimit(o.Limits.MaxComplexity))
	if limiter != nil {
		srv.Use(costCharge{limiter})
	}
	srv.AroundOperations(answerLateRequests)
	srv.AroundOperations(nameOperation)
	srv.AroundOperations(shed.aroundOperation)
	srv.AroundFields(stopAtDeadline)
	srv.AroundFields(graph.WithholdBadFields)
	srv.AroundResponses(observeResponse(o.Metrics))
	srv.SetErrorPresenter(graph.ErrorPresenter)
	srv.SetRecoverFunc(graph.Recover)
	return withCuratorToken(o.CuratorToken, o.Loaders(srv))
}

// guardGraphQLRequest turns requests the GraphQL transports cannot make sense of into
// clear 4xx answers: wrong method, wrong content type, a body too large, a body that is
// not one JSON object (batches of operations are not accepted).
func guardGraphQLRequest(maxBody int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet:
			next.ServeHTTP(w, r)
			return
		case http.MethodPost:
		default:
			w.Header().Set("Allow", "GET, POST")
			requestError(w, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "use GET or POST for /graphql")
			return
		}
		if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
			requestError(w, http.StatusUnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
				"send the request body as JSON with Content-Type: application/json")
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge):
			requestError(w, http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE",
				"the request body is larger than the limit of "+itoa(maxBody)+" bytes")
			return
		case err != nil:
			requestError(w, http.StatusBadRequest, "BAD_REQUEST", "the request body could not be read")
			return
		}
		if msg := checkBody(body); msg != "" {
			requestError(w, http.StatusBadRequest, "BAD_REQUEST", msg)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

// checkBody says what is wrong with a POST body, or "" when it is one GraphQL request:
// a JSON object whose query is a string (empty only with a persisted-query hash),
// variables and extensions objects, and operationName a string.
func checkBody(body []byte) string {
	var req struct {
		Query         *json.RawMessage `json:"query"`
		Variables     json.RawMessage  `json:"variables"`
		OperationName json.RawMessage  `json:"operationName"`
		Extensions    json.RawMessage  `json:"extensions"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		if bytes.HasPrefix(bytes.TrimSpace(body), []byte("[")) {
			return "batched requests are not supported; send one operation per request"
		}
		return "the request body is not a valid JSON object: " + err.Error()
	}
	var query string
	switch {
	case req.Query == nil:
		return `the request body has no "query" field`
	case json.Unmarshal(*req.Query, &query) != nil:
		return `"query" must be a string holding a GraphQL document`
	case !jsonKind(req.Variables, '{'):
		return `"variables" must be an object`
	case !jsonKind(req.Extensions, '{'):
		return `"extensions" must be an object`
	case !jsonKind(req.OperationName, '"'):
		return `"operationName" must be a string`
	}
	return ""
}

// jsonKind reports whether raw is absent, null, or a JSON value starting with first.
func jsonKind(raw json.RawMessage, first byte) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) == 0 || string(raw) == "null" || raw[0] == first
}

// requestError writes a GraphQL-shaped error for a request that never reached execution.
func requestError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, map[string]any{"errors": []map[string]any{{
		"message": msg, "extensions": map[string]string{"code": code}}}})
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// withCuratorToken marks requests whose bearer token is the curator token; the @curator
// directive lets only those run mutations. An empty token turns the curator API off.
func withCuratorToken(token string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if ok && token != "" && subtle.ConstantTimeCompare([]byte(got), []byte(token)) == 1 {
			r = r.WithContext(graph.WithCurator(r.Context()))
		}
		next.ServeHTTP(w, r)
	})
}
