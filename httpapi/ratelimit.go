package httpapi

import (
	"context"
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// RateLimit is a token bucket per client (the X-API-Key header, else the client's IP):
// Rate tokens a second, up to Burst. A request costs one token to enter and, once its
// query is priced, one more per CostUnit of complexity, so expensive queries drain the
// bucket faster. Rate 0 turns limiting off.
type RateLimit struct {
	Rate, Burst float64
	CostUnit    int // complexity per extra token (default 1000)
}

type bucket struct {
	tokens float64
	last   time.Time
}

type rateLimiter struct {
	RateLimit
	mu      sync.Mutex
	buckets map[string]*bucket
	now     func() time.Time
	refused func()
}

func newRateLimiter(cfg RateLimit, refused func()) *rateLimiter {
	if cfg.CostUnit <= 0 {
		cfg.CostUnit = 1000
	}
	if cfg.Burst < 1 {
		cfg.Burst = math.Max(1, cfg.Rate)
	}
	return &rateLimiter{RateLimit: cfg, buckets: map[string]*bucket{}, now: time.Now, refused: refused}
}

// take removes cost tokens from key's bucket. When the bucket holds less than one token
// it refuses, saying how long until it will hold one again.
func (l *rateLimiter) take(key string, cost float64) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) > 100000 {
			l.sweep(now)
		}
		b = &bucket{tokens: l.Burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = math.Min(l.Burst, b.tokens+now.Sub(b.last).Seconds()*l.Rate)
	b.last = now
	if b.tokens < 1 {
		return false, time.Duration((1 - b.tokens) / l.Rate * float64(time.Second))
	}
	b.tokens -= cost
	return true, 0
}

// sweep forgets buckets that have refilled completely, to bound memory.
func (l *rateLimiter) sweep(now time.Time) {
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*l.Rate >= l.Burst {
			delete(l.buckets, k)
		}
	}
}

type clientKey struct{}

// middleware charges one token per request and answers 429 with Retry-After when the
// client's bucket is empty.
func (l *rateLimiter) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get("X-API-Key")
		if key == "" {
			key, _, _ = net.SplitHostPort(r.RemoteAddr)
		} else {
			key = "key:" + key
		}
		if ok, wait := l.take(key, 1); !ok {
			l.refused()
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
			requestError(w, http.StatusTooManyRequests, "RATE_LIMITED",
				"too many requests or too costly queries from this client; retry after the time in Retry-After")
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), clientKey{}, key)))
	})
}

// costCharge is the gqlgen extension that charges a priced query's extra tokens.
type costCharge struct{ l *rateLimiter }

func (costCharge) ExtensionName() string                   { return "CostCharge" }
func (costCharge) Validate(graphql.ExecutableSchema) error { return nil }

func (c costCharge) MutateOperationContext(ctx context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	key, _ := ctx.Value(clientKey{}).(string)
	stats, _ := rc.Stats.GetExtension("ComplexityLimit").(*extension.ComplexityStats)
	if key == "" || stats == nil {
		return nil
	}
	if extra := stats.Complexity / c.l.CostUnit; extra > 0 {
		c.l.take(key, float64(extra)) // may go below zero: the client waits longer next time
	}
	return nil
}
