package httpapi

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// LoadAPIKeys reads the configured API keys: one per line, "name sha256 [rate [burst]]",
// where sha256 is the hex SHA-256 of the key (`printf %s "$KEY" | sha256sum`), so the file
// holds no key itself; blank lines and lines starting with # are skipped.
func LoadAPIKeys(path string) (map[string]KeyLimit, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("api keys: %w", err)
	}
	defer f.Close()
	out := map[string]KeyLimit{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		bad := func(format string, args ...any) error {
			return fmt.Errorf("api keys: %s:%d: %s", path, line, fmt.Sprintf(format, args...))
		}
		if len(fields) < 2 || len(fields) > 4 {
			return nil, bad(`want "name sha256 [rate [burst]]", got %d fields`, len(fields))
		}
		sum := strings.ToLower(fields[1])
		if b, err := hex.DecodeString(sum); err != nil || len(b) != 32 {
			return nil, bad("%q is not a hex SHA-256 (64 hex digits)", fields[1])
		}
		k := KeyLimit{Name: fields[0]}
		for i, into := range []*float64{&k.Rate, &k.Burst} {
			if len(fields) > 2+i {
				v, err := strconv.ParseFloat(fields[2+i], 64)
				if err != nil || v <= 0 {
					return nil, bad("%q is not a positive number", fields[2+i])
				}
				*into = v
			}
		}
		if _, dup := out[sum]; dup {
			return nil, bad("the same key is listed twice")
		}
		out[sum] = k
	}
	return out, sc.Err()
}
