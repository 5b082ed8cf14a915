// Package faultproxy is a TCP proxy for fault tests: it sits between the service and the
// real Neo4j and can play Neo4j going down (every connection cut, new ones refused) and
// coming back, or hanging (answers held back), without disturbing the server other tests
// share.
package faultproxy

import (
	"io"
	"net"
	"sync"
	"sync/atomic"

	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/internal/safe"
)

// Proxy forwards connections from its address to a target while it is up.
type Proxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	down   bool
	conns  map[net.Conn]struct{}
	frozen chan struct{} // closed when not frozen; answers wait on it
	held   atomic.Int64  // answers being held back
}

// Start listens on a free loopback port and forwards to target ("127.0.0.1:7687").
func Start(target string) (*Proxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &Proxy{ln: ln, target: target, conns: map[net.Conn]struct{}{}, frozen: make(chan struct{})}
	close(p.frozen)
	safe.Go(zerolog.Nop(), "faultproxy", p.serve)
	return p, nil
}

// Addr is the proxy's address.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Down cuts every open connection and refuses new ones until Up.
func (p *Proxy) Down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = true
	for c := range p.conns {
		c.Close()
	}
	clear(p.conns)
}

// Up lets connections through again.
func (p *Proxy) Up() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = false
}

// Freeze holds back every answer from the target until Thaw: Neo4j seems to hang.
func (p *Proxy) Freeze() {
	p.mu.Lock()
	defer p.mu.Unlock()
	select {
	case <-p.frozen:
		p.frozen = make(chan struct{})
	default:
	}
}

// Thaw delivers what Freeze held back and lets answers through again.
func (p *Proxy) Thaw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	select {
	case <-p.frozen:
	default:
		close(p.frozen)
	}
}

// Held is how many answers Freeze is holding back: a request is waiting on Neo4j.
func (p *Proxy) Held() int64 { return p.held.Load() }

// Close stops the proxy.
func (p *Proxy) Close() error {
	p.Thaw()
	p.Down()
	return p.ln.Close()
}

func (p *Proxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		safe.Go(zerolog.Nop(), "faultproxy", func() { p.handle(c) })
	}
}

func (p *Proxy) handle(client net.Conn) {
	p.mu.Lock()
	down := p.down
	p.mu.Unlock()
	if down {
		client.Close()
		return
	}
	server, err := net.Dial("tcp", p.target)
	if err != nil {
		client.Close()
		return
	}
	if !p.track(client, server) {
		return
	}
	safe.Go(zerolog.Nop(), "faultproxy", func() { io.Copy(server, client); server.Close() })
	io.Copy(client, gatedReader{server, p})
	client.Close()
}

// gatedReader reads from the target, waiting while the proxy is frozen before handing
// anything on.
type gatedReader struct {
	r io.Reader
	p *Proxy
}

func (g gatedReader) Read(b []byte) (int, error) {
	n, err := g.r.Read(b)
	g.p.mu.Lock()
	gate := g.p.frozen
	g.p.mu.Unlock()
	select {
	case <-gate:
	default:
		g.p.held.Add(1)
		<-gate
		g.p.held.Add(-1)
	}
	return n, err
}

// track records a connection pair, unless the proxy went down meanwhile.
func (p *Proxy) track(conns ...net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.down {
		for _, c := range conns {
			c.Close()
		}
		return false
	}
	for _, c := range conns {
		p.conns[c] = struct{}{}
	}
	return true
}
