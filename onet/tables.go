package onet

import (
	"fmt"
	"strconv"
	"strings"
)

const codeCol = "O*NET-SOC Code"

func (r *reader) occupations() error {
	return r.each("Occupation Data.txt", []string{codeCol, "Title", "Description"}, func(t *table) *RowError {
		code, title := t.code(codeCol), t.required("Title")
		if t.err != nil {
			return t.err
		}
		o := r.occupation(code)
		o.Title, o.Description = title, t.str("Description")
		return nil
	})
}

func (r *reader) jobZones() error {
	return r.each("Job Zones.txt", []string{codeCol, "Job Zone"}, func(t *table) *RowError {
		code, z := t.code(codeCol), t.number("Job Zone")
		if t.err != nil {
			return t.err
		}
		if z < 1 || z > 5 || z != float64(int(z)) {
			return t.fail("Job Zone", "%v is not a job zone from 1 to 5", z)
		}
		r.occupation(code).JobZone = int(z)
		return nil
	})
}

// education keeps, for each occupation, the required level of education (scale RL) that
// most respondents reported, described in words from the categories file.
func (r *reader) education() error {
	names := map[string]string{}
	err := r.each("Education, Training, and Experience Categories.txt", []string{"Scale ID", "Category", "Category Description"},
		func(t *table) *RowError {
			if t.str("Scale ID") == "RL" {
				names[t.str("Category")] = t.str("Category Description")
			}
			return nil
		})
	if err != nil {
		return err
	}
	best := map[string]float64{}
	return r.each("Education, Training, and Experience.txt", []string{codeCol, "Scale ID", "Category", "Data Value"},
		func(t *table) *RowError {
			if t.str("Scale ID") != "RL" {
				return nil
			}
			code, share := t.code(codeCol), t.number("Data Value")
			if t.err != nil {
				return t.err
			}
			cat := t.str("Category")
			name, ok := names[cat]
			if !ok {
				return t.fail("Category", "%q is not a required-level-of-education category", cat)
			}
			if share > best[code] {
				best[code] = share
				r.occupation(code).Education = name
			}
			return nil
		})
}

// descriptions reads what each content-model element means, for skills and knowledge,
// and which names are skills'.
func (r *reader) descriptions() error {
	r.about, r.skillNames = map[string]string{}, map[string]bool{}
	return r.each("Content Model Reference.txt", []string{"Element ID", "Element Name", "Description"}, func(t *table) *RowError {
		id := t.str("Element ID")
		r.about[id] = t.str("Description")
		if strings.HasPrefix(id, "2.A.") || strings.HasPrefix(id, "2.B.") {
			r.skillNames[t.str("Element Name")] = true
		}
		return nil
	})
}

// elementName is the name an element is shown by: O*NET's, but a knowledge area named as
// a skill is told apart from it ("Mathematics" is both), so that a list of a role's
// skills and knowledge never names one twice.
func (r *reader) elementName(name, kind string) string {
	if kind == Knowledge && r.skillNames[name] {
		return name + " (knowledge)"
	}
	return name
}

// ratings reads Skills.txt or Knowledge.txt: an importance (IM) and a level (LV) row per
// occupation and element, joined into one rating. Elements whose level O*NET marks not
// relevant are left out.
func (r *reader) ratings(file, kind string) error {
	type key struct{ code, id string }
	if r.about == nil {
		if err := r.descriptions(); err != nil {
			return err
		}
	}
	pending := map[key]*Rating{}
	skip := map[key]bool{}
	var order []key
	err := r.each(file, []string{codeCol, "Element ID", "Element Name", "Scale ID", "Data Value"}, func(t *table) *RowError {
		code, id, v := t.code(codeCol), t.required("Element ID"), t.number("Data Value")
		if t.err != nil {
			return t.err
		}
		k := key{code, id}
		rt, ok := pending[k]
		if !ok {
			rt = &Rating{Code: code, ElementID: id}
			pending[k] = rt
			order = append(order, k)
		}
		switch scale := t.str("Scale ID"); scale {
		case "IM":
			if v < 1 || v > 5 {
				return t.fail("Data Value", "importance %v is outside 1..5", v)
			}
			rt.Importance = v
		case "LV":
			if v < 0 || v > 7 {
				return t.fail("Data Value", "level %v is outside 0..7", v)
			}
			rt.Level = v
			skip[k] = t.flag("Not Relevant")
		default:
			return t.fail("Scale ID", "%q is neither IM nor LV", scale)
		}
		if _, seen := r.d.Elements[id]; !seen {
			r.d.Elements[id] = Element{ID: id, Name: r.elementName(t.str("Element Name"), kind), Kind: kind, Description: r.about[id]}
		}
		return nil
	})
	for _, k := range order {
		if rt := pending[k]; !skip[k] && rt.Importance > 0 {
			r.d.Ratings = append(r.d.Ratings, *rt)
		}
	}
	return err
}

func (r *reader) technology() error {
	return r.each("Technology Skills.txt", []string{codeCol, "Example", "Commodity Code"}, func(t *table) *RowError {
		code, ex, cc := t.code(codeCol), t.required("Example"), t.required("Commodity Code")
		if t.err != nil {
			return t.err
		}
		if _, perr := strconv.Atoi(cc); perr != nil {
			return t.fail("Commodity Code", "%q is not a UNSPSC commodity code", cc)
		}
		r.d.Tech = append(r.d.Tech, TechUse{Code: code, Example: ex, CommodityCode: cc,
			CommodityTitle: t.str("Commodity Title"), Hot: t.flag("Hot Technology"), InDemand: t.flag("In Demand")})
		return nil
	})
}

func (r *reader) titles() error {
	add := func(col string, reported bool) func(t *table) *RowError {
		return func(t *table) *RowError {
			code, title := t.code(codeCol), t.required(col)
			if t.err != nil {
				return t.err
			}
			o := r.occupation(code)
			o.AlternateTitles = append(o.AlternateTitles, title)
			if reported {
				o.ReportedTitles = append(o.ReportedTitles, title)
			}
			return nil
		}
	}
	if err := r.each("Alternate Titles.txt", []string{codeCol, "Alternate Title"}, add("Alternate Title", false)); err != nil {
		return err
	}
	return r.each("Sample of Reported Titles.txt", []string{codeCol, "Reported Job Title"}, add("Reported Job Title", true))
}

func (r *reader) related() error {
	return r.each("Related Occupations.txt", []string{codeCol, "Related O*NET-SOC Code", "Relatedness Tier", "Index"},
		func(t *table) *RowError {
			from, to, tier, rank := t.code(codeCol), t.code("Related O*NET-SOC Code"), t.required("Relatedness Tier"), t.number("Index")
			if t.err != nil {
				return t.err
			}
			if rank < 1 || rank != float64(int(rank)) {
				return t.fail("Index", "%v is not a rank from 1", rank)
			}
			r.d.Related = append(r.d.Related, Relation{From: from, To: to, Tier: tier, Rank: int(rank)})
			return nil
		})
}

// ID is the graph id of the occupation with an O*NET-SOC code: "onet-15-1244-00".
func ID(code string) string {
	b := []byte("onet-" + code)
	for i := range b {
		if b[i] == '.' {
			b[i] = '-'
		}
	}
	return string(b)
}

// ElementID is the graph id of a skill or knowledge element: "onet-2-a-1-a".
func ElementID(id string) string {
	return "onet-" + slug(id)
}

// TechID is the graph id of a technology: "tech-microsoft-excel", "tech-c-plus-plus".
func TechID(example string) string {
	return "tech-" + slug(techSymbols.Replace(example))
}

// techSymbols spells out the symbols that tell technologies apart (C, C++ and C#).
var techSymbols = strings.NewReplacer("+", " plus ", "#", " sharp ", ".", " dot ", "&", " and ", "@", " at ")

func slug(s string) string {
	out := make([]byte, 0, len(s))
	dash := false
	for _, c := range []byte(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			out = append(out, c)
			dash = false
		case c >= 'A' && c <= 'Z':
			out = append(out, c+'a'-'A')
			dash = false
		case !dash && len(out) > 0:
			out = append(out, '-')
			dash = true
		}
	}
	if dash {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return fmt.Sprintf("x%x", s)
	}
	return string(out)
}
