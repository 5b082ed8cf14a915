package httpapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// RateLimit is a token bucket per client: Rate tokens a second, up to Burst. A client is
// a configured API key (X-API-Key, looked up by its SHA-256) with its own rate if it has
// one, else the client's address (IPv6 by its /64; X-Forwarded-For believed only from
// TrustedProxies). An unknown key is no identity: its requests share their address's
// bucket. A request costs one token to enter and, once its query is priced, one more per
// CostUnit of complexity, so expensive queries drain the bucket faster. Rate 0 turns
// limiting off.
type RateLimit struct {
	Rate, Burst    float64
	CostUnit       int                 // complexity per extra token (default 1000)
	Keys           map[string]KeyLimit // by the hex SHA-256 of the key
	TrustedProxies []netip.Prefix      // proxies whose X-Forwarded-For is believed
	MaxClients     int                 // buckets kept, least recently used forgotten first (default 100,000)
}

// KeyLimit is one configured API key: a name for it (used as its client id) and its own
// rate and burst (0: the general ones).
type KeyLimit struct {
	Name        string
	Rate, Burst float64
}

type bucket struct {
	tokens, rate, burst float64
	last                time.Time
}

type rateLimiter struct {
	RateLimit
	mu      sync.Mutex
	buckets *lru.Cache[string, *bucket]
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
	if cfg.MaxClients <= 0 {
		cfg.MaxClients = 100_000
	}
	buckets, _ := lru.New[string, *bucket](cfg.MaxClients)
	return &rateLimiter{RateLimit: cfg, buckets: buckets, now: time.Now, refused: refused}
}

// client is who sent r, for rate limiting: a configured key, else an address.
type client struct {
	id          string
	rate, burst float64
}

func (l *rateLimiter) client(r *http.Request) client {
	if key := r.Header.Get("X-API-Key"); key != "" {
		sum := sha256.Sum256([]byte(key))
		if k, ok := l.Keys[hex.EncodeToString(sum[:])]; ok {
			c := client{id: "key:" + k.Name, rate: k.Rate, burst: k.Burst}
			if c.rate <= 0 {
				c.rate = l.Rate
			}
			if c.burst < 1 {
				c.burst = math.Max(l.Burst, c.rate)
			}
			return c
		}
	}
	return client{id: "ip:" + clientAddress(r, l.TrustedProxies), rate: l.Rate, burst: l.Burst}
}

// clientAddress is the address a request came from: the connection's peer, or, when that
// is a trusted proxy, the nearest address in X-Forwarded-For that is not one. An IPv6
// address stands for its /64, which one host usually holds whole.
func clientAddress(r *http.Request, trusted []netip.Prefix) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	isTrusted := func(a netip.Addr) bool {
		return slices.ContainsFunc(trusted, func(p netip.Prefix) bool { return p.Contains(a.Unmap()) })
	}
	if isTrusted(addr) {
		hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
		for i := len(hops) - 1; i >= 0; i-- {
			hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
			if err != nil {
				break
			}
			addr = hop
			if !isTrusted(hop) {
				break
			}
		}
	}
	addr = addr.Unmap()
	if addr.Is6() {
		p, _ := addr.Prefix(64)
		return p.String()
	}
	return addr.String()
}

// take removes cost tokens from c's bucket. When the bucket holds less than one token it
// refuses, saying how long until it will hold one again.
func (l *rateLimiter) take(c client, cost float64) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b, ok := l.buckets.Get(c.id)
	if !ok {
		b = &bucket{tokens: c.burst, rate: c.rate, burst: c.burst, last: now}
		l.buckets.Add(c.id, b)
	}
	b.tokens = math.Min(b.burst, b.tokens+now.Sub(b.last).Seconds()*b.rate)
	b.last = now
	if b.tokens < 1 {
		return false, time.Duration((1 - b.tokens) / b.rate * float64(time.Second))
	}
	b.tokens -= cost
	return true, 0
}

type clientKey struct{}

// middleware charges one token per request and answers 429 with Retry-After when the
// client's bucket is empty.
func (l *rateLimiter) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := l.client(r)
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
	key, ok := ctx.Value(clientKey{}).(client)
	stats, _ := rc.Stats.GetExtension("ComplexityLimit").(*extension.ComplexityStats)
	if !ok || stats == nil {
		return nil
	}
	if extra := stats.Complexity / c.l.CostUnit; extra > 0 {
		c.l.take(key, float64(extra)) // may go below zero: the client waits longer next time
	}
	return nil
}
