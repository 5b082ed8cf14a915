package oews

// How an occupation's estimate was found.
const (
	BasisExact      = "EXACT"       // its own 6-digit SOC code
	BasisBroadGroup = "BROAD_GROUP" // published only for its SOC broad group
	BasisAggregate  = "AGGREGATE"   // published only within another combined code
)

// Match finds the OEWS code an O*NET-SOC code (15-1244.00) or SOC code (15-1244) takes its
// estimate from: its own 6-digit code, else the broad group's (the code ending in 0) when
// OEWS publishes that instead. group reports whether OEWS publishes a code, and at which
// O_GROUP. Coarser groups (minor, major) are too wide to stand for one occupation and
// are never used.
func Match(code string, group func(soc string) (string, bool)) (soc, basis string, ok bool) {
	if len(code) < 7 || !ValidSOC(code[:7]) {
		return "", "", false
	}
	soc = code[:7]
	if _, ok := group(soc); ok {
		return soc, BasisExact, true
	}
	broad := soc[:6] + "0"
	if broad == soc {
		return "", "", false
	}
	g, ok := group(broad)
	switch {
	case !ok:
		return "", "", false
	case g == "broad" || g == "detailed":
		return broad, BasisBroadGroup, true
	}
	return broad, BasisAggregate, true
}
