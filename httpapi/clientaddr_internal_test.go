package httpapi

import (
	"net/http"
	"net/netip"
	"testing"
	"time"
)

func TestClientAddress(t *testing.T) {
	proxies := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	tests := []struct {
		name, remote, xff, want string
	}{
		{"direct IPv4", "203.0.113.9:5000", "", "203.0.113.9"},
		{"forwarded header from an untrusted peer is ignored", "203.0.113.9:5000", "198.51.100.1", "203.0.113.9"},
		{"trusted proxy: the nearest untrusted hop", "10.1.2.3:5000", "198.51.100.7, 192.0.2.4, 10.9.9.9", "192.0.2.4"},
		{"trusted proxy without the header", "10.1.2.3:5000", "", "10.1.2.3"},
		{"IPv6 counts by its /64", "[2001:db8:1:2:aaaa::1]:5000", "", "2001:db8:1:2::/64"},
		{"same /64, same client", "[2001:db8:1:2:bbbb::9]:5000", "", "2001:db8:1:2::/64"},
		{"IPv4 in IPv6", "[::ffff:203.0.113.9]:5000", "", "203.0.113.9"},
	}
	for _, tt := range tests {
		r := &http.Request{RemoteAddr: tt.remote, Header: http.Header{}}
		if tt.xff != "" {
			r.Header.Set("X-Forwarded-For", tt.xff)
		}
		if got := clientAddress(r, proxies); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

// However many clients come, the limiter keeps at most MaxClients buckets.
func TestBucketsAreBounded(t *testing.T) {
	l := newRateLimiter(RateLimit{Rate: 1, Burst: 1, MaxClients: 100}, func() {})
	l.now = func() time.Time { return time.Unix(0, 0) }
	for i := range 1000 {
		l.take(client{id: string(rune('a'+i%26)) + string(rune(i)), rate: 1, burst: 1}, 1)
	}
	if n := l.buckets.Len(); n > 100 {
		t.Errorf("%d buckets kept, want at most 100", n)
	}
}
