package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/careergraph/careergraph/internal/safe"
)

// benchLog hears of a panic in a load worker.
var benchLog = zerolog.New(os.Stderr)

// request is one prepared HTTP request: method, URL and body.
type request struct {
	method, url string
	body        []byte
}

func (r request) send(c *http.Client) bool {
	req, err := http.NewRequest(r.method, r.url, bytes.NewReader(r.body))
	if err != nil {
		return false
	}
	if r.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return err == nil && resp.StatusCode == 200 && !bytes.Contains(b, []byte(`"errors":`))
}

// result is what one run measured.
type result struct {
	requests, errors int
	took             time.Duration
	latencies        []time.Duration // sorted
}

func (r result) rps() float64 { return float64(r.requests) / r.took.Seconds() }

func (r result) pct(p int) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	return r.latencies[min(len(r.latencies)-1, max(0, (len(r.latencies)*p+99)/100-1))]
}

var client = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}

// closedLoop runs workers that each send the next request as soon as the last answers.
func closedLoop(req request, workers int, d time.Duration) result {
	var mu sync.Mutex
	var res result
	end := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		safe.Go(benchLog, "bench.load", func() {
			defer wg.Done()
			var lat []time.Duration
			errs := 0
			for time.Now().Before(end) {
				t := time.Now()
				if !req.send(client) {
					errs++
				}
				lat = append(lat, time.Since(t))
			}
			mu.Lock()
			res.latencies = append(res.latencies, lat...)
			res.errors += errs
			mu.Unlock()
		})
	}
	wg.Wait()
	return res.done(start)
}

// fixedRate sends rate requests a second for d, whatever the answers' speed, so slow
// answers show as latency (an open model, free of coordinated omission).
func fixedRate(req request, rate int, d time.Duration) result {
	var mu sync.Mutex
	var res result
	var wg sync.WaitGroup
	interval := time.Second / time.Duration(rate)
	start := time.Now()
	for i := 0; time.Since(start) < d; i++ {
		due := start.Add(time.Duration(i) * interval)
		time.Sleep(time.Until(due))
		wg.Add(1)
		safe.Go(benchLog, "bench.load", func() {
			defer wg.Done()
			ok := req.send(client)
			lat := time.Since(due)
			mu.Lock()
			res.latencies = append(res.latencies, lat)
			if !ok {
				res.errors++
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	return res.done(start)
}

// done completes the result of a run that began at start.
func (r result) done(start time.Time) result {
	r.took = time.Since(start)
	r.requests = len(r.latencies)
	slices.Sort(r.latencies)
	return r
}
