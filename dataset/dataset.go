// Package dataset reads the curated career graph from its YAML file and checks the
// whole of it, so the importer never writes a half-valid graph.
package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/goccy/go-yaml"

	"github.com/careergraph/careergraph/domain"
)

// DefaultPath is the curated dataset shipped with the service, relative to the repo root.
const DefaultPath = "dataset/it-infrastructure.yaml"

// file is the shape of a dataset file: roles carry their outgoing edges inline, which is
// how a curator thinks of them.
type file struct {
	DefaultSource  string                 `yaml:"defaultSource"`
	Sources        []domain.Source        `yaml:"sources"`
	Skills         []domain.Skill         `yaml:"skills"`
	Certifications []domain.Certification `yaml:"certifications"`
	Roles          []roleEntry            `yaml:"roles"`
}

type roleEntry struct {
	domain.Role    `yaml:",inline"`
	Skills         []skillNeed `yaml:"skills"`
	Certifications []certValue `yaml:"certifications"`
	NextRoles      []nextRole  `yaml:"nextRoles"`
}

type skillNeed struct {
	Skill      string  `yaml:"skill"`
	Importance float64 `yaml:"importance"`
	Level      float64 `yaml:"level"`
	Source     string  `yaml:"source"`
}

type certValue struct {
	Certification string `yaml:"certification"`
	Relevance     string `yaml:"relevance"`
	Source        string `yaml:"source"`
}

type nextRole struct {
	To           string  `yaml:"to"`
	TypicalYears float64 `yaml:"typicalYears"`
	Kind         string  `yaml:"kind"`
	Source       string  `yaml:"source"`
}

// Load reads and checks the dataset file at path.
func Load(path string) (*domain.Dataset, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	return Parse(path, data)
}

// Parse reads and checks a dataset held in memory; name is used in error messages.
// Every problem found is reported, each naming the file, the entry and the field.
func Parse(name string, data []byte) (*domain.Dataset, error) {
	var f file
	dec := yaml.NewDecoder(bytes.NewReader(data), yaml.Strict())
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %s", name, yaml.FormatError(err, false, true))
	}
	ds := f.flatten()
	if errs := check(ds); len(errs) > 0 {
		for i, e := range errs {
			errs[i] = fmt.Errorf("%s: %w", name, e)
		}
		return nil, &InvalidError{Problems: errs}
	}
	return ds, nil
}

// InvalidError lists every problem found in a dataset.
type InvalidError struct{ Problems []error }

func (e *InvalidError) Error() string {
	return fmt.Sprintf("dataset is invalid (%d problems):\n%v", len(e.Problems), errors.Join(e.Problems...))
}

// flatten turns the file's nested shape into the flat dataset, filling in default sources.
func (f *file) flatten() *domain.Dataset {
	src := func(s string) string {
		if s == "" {
			return f.DefaultSource
		}
		return s
	}
	srcs := func(s []string) []string {
		if len(s) == 0 && f.DefaultSource != "" {
			return []string{f.DefaultSource}
		}
		return s
	}
	ds := &domain.Dataset{Sources: f.Sources}
	for _, s := range f.Skills {
		s.SourceIDs = srcs(s.SourceIDs)
		ds.Skills = append(ds.Skills, s)
	}
	for _, c := range f.Certifications {
		c.SourceIDs = srcs(c.SourceIDs)
		ds.Certifications = append(ds.Certifications, c)
	}
	for _, r := range f.Roles {
		role := r.Role
		role.SourceIDs = srcs(role.SourceIDs)
		if role.Salary != nil {
			role.Salary.SourceID = src(role.Salary.SourceID)
		}
		ds.Roles = append(ds.Roles, role)
		for _, s := range r.Skills {
			ds.Requirements = append(ds.Requirements, domain.Requirement{
				Role: role.ID, Skill: s.Skill, Importance: s.Importance, Level: s.Level, SourceID: src(s.Source)})
		}
		for _, c := range r.Certifications {
			ds.Endorsements = append(ds.Endorsements, domain.Endorsement{
				Role: role.ID, Certification: c.Certification, Relevance: c.Relevance, SourceID: src(c.Source)})
		}
		for _, n := range r.NextRoles {
			ds.Progressions = append(ds.Progressions, domain.Progression{
				From: role.ID, To: n.To, TypicalYears: n.TypicalYears, Kind: n.Kind, SourceID: src(n.Source)})
		}
	}
	return ds
}
