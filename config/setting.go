package config

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// setting is one entry of the table: its name (the variable and the flag), its default,
// what it means, who reads it, and the Config field it fills.
type setting struct {
	name, def, usage string
	group            Group
	into             any                // *string, *bool, *int, *int64, *float64, *time.Duration, *[]string or *[]netip.Prefix
	check            func(string) error // more to check of a value than its type
	zero             bool               // a duration or number may be 0 (else it must be positive)
	secret           bool               // never printed
	redact           bool               // a URI whose password is never printed
	auto             func(*Config) bool // a bool whose value "auto" means this
}

// set parses v into the setting's field.
func (s setting) set(v string) error {
	if s.check != nil {
		if err := s.check(v); err != nil {
			return err
		}
	}
	switch p := s.into.(type) {
	case *string:
		*p = v
	case *bool:
		return parseBool(v, p, s.auto != nil)
	case *int:
		n, err := s.number(v)
		*p = int(n)
		return err
	case *int64:
		n, err := s.number(v)
		*p = int64(n)
		return err
	case *float64:
		n, err := s.number(v)
		*p = n
		return err
	case *time.Duration:
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 || d == 0 && !s.zero {
			return errors.New(s.positive("a duration such as 10s"))
		}
		*p = d
	case *[]string:
		*p = list(v)
	case *[]netip.Prefix:
		return parsePrefixes(v, p)
	default:
		panic(fmt.Sprintf("config: %s has a field of type %T", s.name, s.into))
	}
	return nil
}

// number parses a whole number for int fields, any number for float fields.
func (s setting) number(v string) (float64, error) {
	_, whole := s.into.(*float64)
	n, err := strconv.ParseFloat(v, 64)
	if err != nil || n < 0 || n == 0 && !s.zero || !whole && n != float64(int64(n)) {
		kind := "whole number"
		if whole {
			kind = "number"
		}
		return 0, errors.New(s.positive(kind))
	}
	return n, nil
}

func (s setting) positive(kind string) string {
	if s.zero {
		return "is not a " + kind + " of 0 or more"
	}
	return "is not a positive " + kind
}

// problem says what is wrong with the value v, which it quotes unless it is a secret.
func (s setting) problem(v string, err error) string {
	switch {
	case s.secret:
		return fmt.Sprintf("%s %v", s.name, err)
	case s.redact:
		v = redactURI(v)
	}
	return fmt.Sprintf("%s=%q %v", s.name, v, err)
}

// show is the setting's value for the start-up log.
func (s setting) show() any {
	switch p := s.into.(type) {
	case *string:
		switch {
		case s.secret && *p != "":
			return "****"
		case s.redact:
			return redactURI(*p)
		}
		return *p
	case *time.Duration:
		return p.String()
	case *[]string:
		return strings.Join(*p, ",")
	case *[]netip.Prefix:
		out := make([]string, len(*p))
		for i, prefix := range *p {
			out[i] = prefix.String()
		}
		return strings.Join(out, ",")
	case *bool:
		return *p
	case *int:
		return *p
	case *int64:
		return *p
	case *float64:
		return *p
	}
	return nil
}

func parseBool(v string, into *bool, auto bool) error {
	switch strings.ToLower(v) {
	case "true", "1", "yes", "on":
		*into = true
	case "false", "0", "no", "off":
		*into = false
	case "auto":
		if !auto {
			return errors.New("is not true or false")
		}
	default:
		if auto {
			return errors.New("is not true, false or auto")
		}
		return errors.New("is not true or false")
	}
	return nil
}

// list splits a comma-separated value, dropping empty entries.
func list(v string) []string {
	var out []string
	for _, e := range strings.Split(v, ",") {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

func parsePrefixes(v string, into *[]netip.Prefix) error {
	*into = nil
	for _, e := range list(v) {
		prefix, err := netip.ParsePrefix(e)
		if err != nil {
			addr, aerr := netip.ParseAddr(e)
			if aerr != nil {
				return fmt.Errorf("has %q, which is not an address or CIDR such as 10.0.0.0/8", e)
			}
			prefix = netip.PrefixFrom(addr, addr.BitLen())
		}
		*into = append(*into, prefix.Masked())
	}
	return nil
}

func oneOf(allowed ...string) func(string) error {
	return func(v string) error {
		for _, a := range allowed {
			if v == a {
				return nil
			}
		}
		return fmt.Errorf("must be %s", strings.Join(allowed, ", "))
	}
}

func origins(v string) error {
	for _, o := range list(v) {
		if u, err := url.Parse(o); o != "*" && (err != nil || u.Scheme == "" || u.Host == "" || u.Path != "") {
			return fmt.Errorf("has %q, which is not an origin such as https://careers.example.com", o)
		}
	}
	return nil
}

func neo4jURI(v string) error {
	u, err := url.Parse(v)
	if err == nil {
		switch u.Scheme {
		case "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc":
			return nil
		}
	}
	return errors.New("must be a bolt://, neo4j:// (or +s, +ssc) URI")
}

// minTokenLength is the shortest curator token accepted: long enough not to be guessed.
const minTokenLength = 32

func curatorToken(v string) error {
	if v != "" && len(v) < minTokenLength {
		return fmt.Errorf("has %d characters; use at least %d (for example the output of `openssl rand -hex 32`)", len(v), minTokenLength)
	}
	return nil
}

// redactURI hides a password written into a URI (bolt://user:secret@host).
func redactURI(uri string) string {
	if u, err := url.Parse(uri); err == nil {
		return u.Redacted()
	}
	if at := strings.LastIndex(uri, "@"); at >= 0 {
		return "****" + uri[at:]
	}
	return uri
}
