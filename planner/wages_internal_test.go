package planner

import (
	"errors"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/careergraph/careergraph/domain"
)

func yearly(n int) *int            { return &n }
func hourlyPay(f float64) *float64 { return &f }

var texasArea = domain.Area{ID: "48", Name: "Texas", Type: "STATE"}

// The salary part compares medians on a log scale: half the pay 0, the same 0.5, double
// 1; hourly medians when one side has no yearly one; the guide's ranges when there are no
// wages; 0.5 when nothing is known.
func TestSalaryFit(t *testing.T) {
	w := func(y *int, h *float64) *domain.Wage { return &domain.Wage{Median: y, HourlyMedian: h} }
	cases := []struct {
		name     string
		from, to *domain.Wage
		a, b     *domain.Salary
		want     float64
	}{
		{"same pay", w(yearly(60000), nil), w(yearly(60000), nil), nil, nil, 0.5},
		{"double", w(yearly(60000), nil), w(yearly(120000), nil), nil, nil, 1},
		{"half", w(yearly(60000), nil), w(yearly(30000), nil), nil, nil, 0},
		{"a third more", w(yearly(60000), nil), w(yearly(80000), nil), nil, nil, 0.5 + 0.5*math.Log2(80000.0/60000)},
		{"hourly only at one end", w(yearly(60000), hourlyPay(20)), w(nil, hourlyPay(30)), nil, nil, 0.5 + 0.5*math.Log2(1.5)},
		{"top-coded target", w(yearly(60000), nil), w(nil, nil), nil, nil, 0.5},
		{"ranges without wages", nil, nil, &domain.Salary{Max: 80000, Currency: "USD"}, &domain.Salary{Max: 160000, Currency: "USD"}, 1},
		{"ranges in two currencies", nil, nil, &domain.Salary{Max: 80000, Currency: "USD"}, &domain.Salary{Max: 160000, Currency: "EUR"}, 0.5},
		{"nothing known", nil, nil, nil, nil, 0.5},
	}
	for _, c := range cases {
		if got := salaryFit(pointOf(c.from), pointOf(c.to), c.a, c.b); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// The reason says how median pay compares, where, and nothing when it is not known.
func TestPayNote(t *testing.T) {
	from := &domain.Wage{Area: texasArea, Median: yearly(59490)}
	cases := []struct {
		to   *domain.Wage
		want string
	}{
		{&domain.Wage{Area: texasArea, Median: yearly(101240)}, " Median pay $41,750 higher in Texas."},
		{&domain.Wage{Area: texasArea, Median: yearly(50000)}, " Median pay $9,490 lower in Texas."},
		{&domain.Wage{Area: domain.Area{ID: "99", Name: "U.S."}, Median: yearly(70000), NationalFallback: true}, "(U.S. figure against Texas)"},
		{&domain.Wage{Area: texasArea}, ""},
		{nil, ""},
	}
	for _, c := range cases {
		if got := payNote(from, c.to); !strings.Contains(got, c.want) || (c.want == "" && got != "") {
			t.Errorf("payNote(%+v) = %q, want %q", c.to, got, c.want)
		}
	}
	us := domain.Area{ID: "99", Name: "U.S."}
	national := payNote(&domain.Wage{Area: us, Median: yearly(40000)}, &domain.Wage{Area: us, Median: yearly(65080)})
	if national != " Median pay $25,080 higher nationally." {
		t.Errorf("national: %q", national)
	}
	hourly := payNote(&domain.Wage{Area: texasArea, HourlyMedian: hourlyPay(20)}, &domain.Wage{Area: texasArea, HourlyMedian: hourlyPay(22.5)})
	if hourly != " Median pay $2.50 an hour higher in Texas." {
		t.Errorf("hourly: %q", hourly)
	}
}

// Concurrent requests for a key share one read; a failed read is read again next time;
// beyond max keys the oldest goes.
func TestReadOnce(t *testing.T) {
	c := readOnce[int]{max: 2}
	var reads atomic.Int32
	read := func() (int, error) { reads.Add(1); return 7, nil }
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() { defer wg.Done(); _, _ = c.get("a", read) }()
	}
	wg.Wait()
	if reads.Load() != 1 {
		t.Errorf("20 concurrent gets read %d times, want once", reads.Load())
	}
	fail := errors.New("down")
	if _, err := c.get("b", func() (int, error) { return 0, fail }); !errors.Is(err, fail) {
		t.Errorf("a failed read answered %v", err)
	}
	if v, err := c.get("b", read); v != 7 || err != nil {
		t.Errorf("after a failure, get = %v %v; want a new read", v, err)
	}
	_, _ = c.get("c", read)
	before := reads.Load()
	_, _ = c.get("a", read)
	if reads.Load() != before+1 {
		t.Error("the oldest key was kept beyond max")
	}
}
