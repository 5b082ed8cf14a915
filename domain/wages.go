package domain

// Area is a place BLS estimates employment and wages for: the nation, a state or
// territory, a metropolitan or a nonmetropolitan area. ID is BLS's area code ("99" the
// U.S., "48" Texas, "12420" Austin).
type Area struct {
	ID, Name, Type, State string
}

// Wage is one occupation's employment and pay in one area, as BLS's OEWS estimates
// them. A figure BLS did not release, or released only as top-coded, is nil.
type Wage struct {
	Area     Area
	SOC      SOC
	Group    string // BLS's O_GROUP of the code: detailed, broad, minor, ...
	Basis    string // how the role's classification met this code: EXACT, BROAD_GROUP, AGGREGATE
	SourceID string

	Employment                                   *int
	EmploymentRSE, JobsPer1000, LocationQuotient *float64

	Mean, Median             *int
	Percentiles              Percentiles
	HourlyMean, HourlyMedian *float64
	HourlyPercentiles        HourlyPercentiles
	TopCodedFigures          []string // the figures at or above the top code, by property name
	HourlyOnly, AnnualOnly   bool
	// NationalFallback is true when the area asked for has no estimate and these are the nation's.
	NationalFallback bool
}

// SOC is a Standard Occupational Classification code and its title.
type SOC struct {
	Code, Title string
}

// Percentiles are yearly wages at the 10th, 25th, 75th and 90th percentile.
type Percentiles struct {
	P10, P25, P75, P90 *int
}

// HourlyPercentiles are hourly wages at the same percentiles.
type HourlyPercentiles struct {
	P10, P25, P75, P90 *float64
}

// TopCoded reports whether some figure is at or above BLS's top code.
func (w *Wage) TopCoded() bool { return len(w.TopCodedFigures) > 0 }
