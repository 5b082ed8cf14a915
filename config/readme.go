package config

import (
	"fmt"
	"strings"
)

// Markdown is the README's settings table: every setting, its default, who reads it and
// what it means.
func Markdown() string {
	var b strings.Builder
	b.WriteString("| setting | default | read by | meaning |\n|---|---|---|---|\n")
	for _, s := range table(&Config{}) {
		def := "empty"
		if s.def != "" {
			def = "`" + s.def + "`"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", s.name, def, readers[s.group], strings.ReplaceAll(s.usage, "|", `\|`))
	}
	return b.String()
}
