package store

// SetReadParts makes ReadPlannerGraph read roles in n parts, whatever their number, until
// the returned function restores the default.
func SetReadParts(n int) (restore func()) {
	saved := partsFor
	partsFor = func(int) int { return n }
	return func() { partsFor = saved }
}

// SplitAt is splitAt, for its tests.
var SplitAt = splitAt
