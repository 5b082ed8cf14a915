package titles

import (
	"github.com/careergraph/careergraph/domain"
	"github.com/careergraph/careergraph/onet"
	"slices"
	"strings"
	"testing"
)

func TestWordsWriteOutWhatTitlesAbbreviate(t *testing.T) {
	for in, want := range map[string][]string{
		"Sr. Linux Admin":           {"senior", "linux", "administrator"},
		"Desktop Support Tech II":   {"desktop", "support", "technician"},
		"RN - ICU":                  {"registered", "nurse", "intensive", "care"},
		"CDL-A Truck Driver":        {"commercial", "driver", "truck", "driver"},
		"Level 3 Network Engineers": {"network", "engineer"},
	} {
		if got := Words(in); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %v, want %v", in, got, want)
		}
	}
	if Seniority("Sr. Systems Engineer") != "SENIOR" || Seniority("Junior Web Developer") != "JUNIOR" || Seniority("Nurse") != "" {
		t.Error("seniority words are not read")
	}
}

func TestMatchRanksByTheWholeText(t *testing.T) {
	ix := New([]Title{{"nurse", "Registered Nurse"}, {"nurse", "Staff Nurse"}, {"lpn", "Licensed Practical Nurse"},
		{"driver", "Heavy Truck Driver"}, {"driver", "Tractor-Trailer Driver"}, {"sysadmin", "Systems Administrator"},
		{"sysadmin", "Linux Administrator"}, {"support", "Help Desk Technician"}, {"support", "Desktop Support Specialist"}},
		map[string]string{"nurse": "Assess patient health problems and needs.", "driver": "Drive trucks to transport goods."})
	for q, want := range map[string]string{"RN - ICU": "nurse", "CDL-A Truck Driver": "driver",
		"Sr. Linux Admin": "sysadmin", "Desktop Support Tech II": "support"} {
		got := ix.Match(q, 3)
		if len(got) == 0 || got[0].Role != want || got[0].Score <= 0 || got[0].Score > 1 || len(got[0].Words) == 0 {
			t.Errorf("Match(%q) = %+v, want %s first with a score in (0, 1] and the words shared", q, got, want)
		}
	}
	if got := ix.Match("Astronaut", 3); len(got) != 0 {
		t.Errorf("a title of unknown words matched %+v", got)
	}
}

func TestMatchForgivesMisspellingsAndWeighsSeniority(t *testing.T) {
	ix := ForRoles([]domain.Role{
		{ID: "eng", Title: "Infrastructure Engineer", AlternateTitles: []string{"Systems Engineer"}, Level: "MID"},
		{ID: "senior-eng", Title: "Senior Infrastructure Engineer", AlternateTitles: []string{"Senior Systems Engineer", "Lead Infrastructure Engineer"}, Level: "SENIOR"},
		{ID: "sysadmin", Title: "Systems Administrator", Level: "MID"},
		{ID: "onet-15-1244-00", Title: "Network and Computer Systems Administrators", Level: "SENIOR", SocCodes: []string{"15-1244.00"}},
	})
	for q, want := range map[string]string{"Senior Systems Engineer": "senior-eng", "Systems Engineer": "eng",
		"Sr Infrastructure Engineer": "senior-eng", "Systems Adminstrator": "sysadmin", "Systmes Administrator": "sysadmin"} {
		if got := ix.Match(q, 2); len(got) == 0 || got[0].Role != want {
			t.Errorf("Match(%q) = %+v, want %s first", q, got, want)
		}
	}
	// An O*NET occupation's level comes from its job zone, not its title: not weighed.
	if got := ix.Match("Junior Network and Computer Systems Administrators", 1); got[0].Role != "onet-15-1244-00" {
		t.Errorf("a junior title moved off the occupation it names: %+v", got)
	}
	if a, b := ix.Match("Astronaut Systems Engineer", 1), ix.Match("Systems Engineer", 1); a[0].Score >= b[0].Score {
		t.Errorf("an unknown word did not lower the score: %v vs %v", a[0].Score, b[0].Score)
	}
}

func TestMatchPrefersARolesOwnTitleAndIgnoresExclusions(t *testing.T) {
	ix := New([]Title{{"carpenter", "Carpenters"}, {"carpenter", "Framer"}, {"helper", "Helpers--Carpenters"},
		{"wholesale", "Sales Representatives, Wholesale and Manufacturing, Except Technical and Scientific Products"},
		{"technical", "Sales Representatives, Wholesale and Manufacturing, Technical and Scientific Products"}},
		map[string]string{"carpenter": "Construct, erect, install, or repair structures and fixtures made of wood and comparable materials, such as concrete forms; building frameworks, including partitions, joists, studding, and rafters; and wood stairways, window and door frames, and hardwood floors."})
	if got := ix.Match("Carpenters", 1); got[0].Role != "carpenter" {
		t.Errorf("Carpenters matched %+v first, want the carpenters' own title over their helpers'", got)
	}
	if got := ix.Match("Technical Sales Representative", 2); got[0].Role != "technical" || len(got) > 1 && got[1].Score >= got[0].Score {
		t.Errorf("matched %+v: the words a title excludes counted for it", got)
	}
}

func TestMatchNeedsMoreThanSeniority(t *testing.T) {
	ix := ForRoles([]domain.Role{{ID: "senior-eng", Title: "Senior Infrastructure Engineer", Level: "SENIOR"}})
	if got := ix.Match("Sr. Accountant", 3); len(got) != 0 {
		t.Errorf("a title sharing only 'senior' matched %+v", got)
	}
}

// Fuzz: any title matches without a panic, at most n roles, best first, each scored
// within 0..1 and sharing a word that is not only a seniority word.
func FuzzMatch(f *testing.F) {
	ix := ForRoles([]domain.Role{
		{ID: "nurse", Title: "Registered Nurses", AlternateTitles: []string{"RN", "Staff Nurse"}, Summary: "Assess patient health."},
		{ID: "senior-eng", Title: "Senior Infrastructure Engineer", Level: "SENIOR"},
		{ID: "sysadmin", Title: "Systems Administrator", AlternateTitles: []string{"Linux Admin", "NOC Tech (Network Operations Center Technician)", ")Odd (", "(("}, Level: "MID"},
	})
	for _, s := range []string{"Sr. Linux Admin", "RN - ICU", "", "Senior", "Except Nurse", "nurse, except nurse", "é\xff II III", "\xff\xff\xff\xff\xff except x",
		"NOC Tech", "(", ")(", "Network Operations Center Technician (NOC Tech", "Lead (Senior) Linux Admin"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		got := ix.Match(title, 2)
		if len(got) > 2 {
			t.Fatalf("%q: %d matches, asked 2", title, len(got))
		}
		for i, m := range got {
			if m.Score < 0 || m.Score > 1 || i > 0 && m.Score > got[i-1].Score || len(m.Words) == 0 {
				t.Fatalf("%q: %+v", title, got)
			}
		}
		if names := Names(title); len(names) == 0 || len(names) > 3 {
			t.Fatalf("%q has names %q", title, names)
		}
	})
}

// A title with a word far longer than any title's still matches on its other words, and
// misspellings of real words are still forgiven (words over maxNear letters are not looked
// up as misspellings, a look whose cost grows with the square of the word's length).
func TestVeryLongWordStillMatches(t *testing.T) {
	ix := ForRoles([]domain.Role{{ID: "nurse", Title: "Registered Nurses"}})
	if got := ix.Match(strings.Repeat("nursex", 20000)+" registered", 1); len(got) != 1 || got[0].Role != "nurse" {
		t.Errorf("got %+v", got)
	}
	if got := ix.Match("registred nurse", 1); len(got) != 1 || got[0].Role != "nurse" {
		t.Errorf("a misspelling: got %+v", got)
	}
	long := strings.Repeat("x", maxNear+5)
	ix = ForRoles([]domain.Role{{ID: "long", Title: long}})
	if got := ix.Match(long[1:], 1); len(got) != 0 {
		t.Errorf("a word over maxNear letters was taken for the one it misspells: %+v", got)
	}
}

// A word the index does not know is read as the known words it is made of, or as the
// known word it ends with; a word made of nothing known still matches nothing.
func TestCompoundWordsAreSplit(t *testing.T) {
	ix := ForRoles([]domain.Role{
		{ID: "glass-blowers", Title: "Glass Blowers, Molders, Benders, and Finishers"},
		{ID: "glaziers", Title: "Glaziers", Summary: "Install glass in windows."},
		{ID: "radiologists", Title: "Radiologists"},
	})
	for title, want := range map[string][]string{
		"Glassblower":          {"glass-blowers", "blower glass"},
		"Sr. Neuroradiologist": {"radiologists", "radiologist"},
		"Zookeeper":            nil,
	} {
		got := ix.Match(title, 1)
		switch {
		case want == nil && len(got) != 0:
			t.Errorf("%s: %+v, want no match", title, got)
		case want != nil && (len(got) != 1 || got[0].Role != want[0] || strings.Join(got[0].Words, " ") != want[1]):
			t.Errorf("%s: %+v, want %s on the words %q", title, got, want[0], want[1])
		}
	}
}

// A title that is exactly one of a role's alternate titles, as the matcher reads it, names
// that role first, though another role's text holds its words more densely ("Plumber" is
// the plumbers, not their helpers), and the match shows that title; a role's own title
// still comes before another's alternate title of the same words.
func TestExactAlternateTitleComesFirst(t *testing.T) {
	ix := ForRoles([]domain.Role{
		{ID: "helpers", Title: "Helpers--Pipelayers, Plumbers, Pipefitters, and Steamfitters",
			AlternateTitles: []string{"Plumber Helper", "Plumbers Helper"}},
		{ID: "plumbers", Title: "Plumbers, Pipefitters, and Steamfitters", AlternateTitles: []string{"Journeyman Plumber",
			"Master Plumber", "Pipe Fitter", "Steam Fitter", "Sprinkler Fitter", "Gas Fitter", "Plumber", "Plumbing Contractor"},
			Summary: "Assemble, install, alter, and repair pipelines or pipe systems that carry water, steam, air, or other liquids."},
		{ID: "caretakers", Title: "Animal Caretakers"},
		{ID: "vet-assistants", Title: "Veterinary Assistants and Laboratory Animal Caretakers", AlternateTitles: []string{"Animal Caretaker"}},
		{ID: "sales", Title: "Sales Representatives, Wholesale", AlternateTitles: []string{"Bottle Sales Representative", "Sales Representative (Sales Rep)"}},
	})
	for title, want := range map[string][2]string{
		"Sales Representative": {"sales", "Sales Representative (Sales Rep)"},
		"plumbers":             {"plumbers", "Plumber"},
		"Plumber":              {"plumbers", "Plumber"},
		"Animal Caretakers":    {"caretakers", "Animal Caretakers"},
	} {
		if got := ix.Match(title, 2); len(got) == 0 || got[0].Role != want[0] || got[0].Title != want[1] {
			t.Errorf("%s: %+v, want %s first by its title %q", title, got, want[0], want[1])
		}
	}
}

// A role classified as an O*NET occupation has the occupation's titles for exact matches
// ("Help Desk Analyst" is exactly a title of the help desk technician's occupation), but
// not its words: its score still comes from its own text, in the band of another title.
func TestClassifiedRoleSharesItsOccupationsTitles(t *testing.T) {
	ix := ForRoles([]domain.Role{
		{ID: onet.ID("15-1232.00"), Title: "Computer User Support Specialists", SocCodes: []string{"15-1232.00"},
			AlternateTitles: []string{"Help Desk Analyst", "Help Desk Technician", "Desktop Support Analyst"}},
		{ID: "help-desk-technician", Title: "Help Desk Technician", SocCodes: []string{"15-1232.00"}, Level: "ENTRY"},
		{ID: "front-desk", Title: "Front Desk Clerk", AlternateTitles: []string{"Desk Analyst"}},
	})
	got := ix.Match("help desk analyst", 3)
	if len(got) != 3 || got[0].Role != onet.ID("15-1232.00") || got[1].Role != "help-desk-technician" || got[1].Score < 0.7*0.95 {
		t.Errorf("help desk analyst: %+v, want the occupation, then the help desk technician at 0.7 or more (× 0.95 for its level)", got)
	}
	if got := ix.Match("Help Desk Technician", 2); len(got) != 2 || got[0].Role != "help-desk-technician" || got[0].Score < 0.8 {
		t.Errorf("Help Desk Technician: %+v, want the role of that title first, at 0.8 or more", got)
	}
	if got := ix.Match("analyst", 3); len(got) != 2 || got[0].Score >= 0.7 || got[1].Score >= 0.7 {
		t.Errorf("analyst: %+v, want the occupation and the front desk by their words only, under 0.7", got)
	}
}

// Seniority words state a level, not a job: a title exactly a role's title but for them is
// taken as that title ("Lead Carpenter" is a carpenter, not the carpenters' helper), unless
// a role has the title with them ("Senior Systems Engineer"), and in BM25 they count for
// little ("Senior Software Engineer" is a software developer, not a senior role of another kind).
func TestSeniorityWordsStateALevel(t *testing.T) {
	ix := ForRoles([]domain.Role{
		{ID: "carpenters", Title: "Carpenters", AlternateTitles: []string{"Framer", "Finish Carpenter", "Trim Carpenter"},
			Summary: "Construct, erect, install, or repair structures and fixtures made of wood."},
		{ID: "helpers", Title: "Helpers--Carpenters", AlternateTitles: []string{"Carpenter Helper", "Carpenter Assistant"}},
		{ID: "developers", Title: "Software Developers", AlternateTitles: []string{"Software Engineer", "Application Developer",
			"Application Integration Engineer", "Computer Software Developer", "Software Architect"},
			Summary: "Research, design, and develop computer and network software or specialized utility programs."},
		{ID: "senior-eng", Title: "Senior Infrastructure Engineer", AlternateTitles: []string{"Senior Systems Engineer"}, Level: "SENIOR"},
		{ID: "eng", Title: "Infrastructure Engineer", AlternateTitles: []string{"Systems Engineer"}, Level: "MID"},
		{ID: "testers", Title: "Software Quality Assurance Analysts and Testers"},
		{ID: "support", Title: "Computer User Support Specialists", AlternateTitles: []string{"Software Support Specialist"}},
	})
	for title, want := range map[string]string{"Lead Carpenter": "carpenters", "Senior Software Engineer": "developers",
		"Principal Software Engineer": "developers", "Senior Systems Engineer": "senior-eng", "Systems Engineer": "eng"} {
		if got := ix.Match(title, 2); len(got) == 0 || got[0].Role != want {
			t.Errorf("%s: %+v, want %s first", title, got, want)
		}
	}
	if got := ix.Match("Senior Software Engineer Contractor", 1); len(got) == 0 || got[0].Role != "developers" {
		t.Errorf("Senior Software Engineer Contractor: %+v, want the software developers, not a senior role of another kind", got)
	}
}

// A title with a bracketed part is also named by the words outside the brackets, and by
// those inside when they name the same job: "NOC Technician (Network Operations Center
// Technician)" is exactly "NOC Technician", "MD (Medical Doctor)" exactly "Medical Doctor",
// but "Electronic Warfare Technician (Advanced Application)" is not "Advanced Application".
func TestBracketedTitlesNameTheirParts(t *testing.T) {
	for title, want := range map[string][]string{
		"NOC Technician (Network Operations Center Technician)": {"center network noc operation technician", "noc technician", "center network operation technician"},
		"MD (Medical Doctor)": {"doctor medical physician", "physician", "doctor medical"},
		"Electronic Warfare Technician (Advanced Application)": {"advanced application electronic technician warfare", "electronic technician warfare"},
		"Registered Nurse": {"nurse registered"},
		"(RN)":             {"nurse registered"},
	} {
		if got := Names(title); !slices.Equal(got, want) {
			t.Errorf("Names(%q) = %q, want %q", title, got, want)
		}
	}
	ix := ForRoles([]domain.Role{
		{ID: "network-support", Title: "Computer Network Support Specialists", AlternateTitles: []string{"NOC Technician (Network Operations Center Technician)"}},
		{ID: "network-architects", Title: "Computer Network Architects", AlternateTitles: []string{"Network Technician", "NOC Engineer", "Operations Center Manager"},
			Summary: "Design and implement computer and information networks, such as a network operations center."},
		{ID: "warfare", Title: "Electronic Warfare Technicians", AlternateTitles: []string{"Electronic Warfare Technician (Advanced Application)"}},
		{ID: "apps", Title: "Application Developers", AlternateTitles: []string{"Advanced Application Developer"}},
	})
	for title, want := range map[string]string{"NOC Technician": "network-support", "Network Operations Center Technician": "network-support"} {
		if got := ix.Match(title, 1); len(got) == 0 || got[0].Role != want || got[0].Score < 0.7 {
			t.Errorf("%s: %+v, want %s, at 0.7 or more", title, got, want)
		}
	}
	if got := ix.Match("Advanced Application", 2); len(got) == 0 || got[0].Score >= 0.7 {
		t.Errorf("Advanced Application: %+v, want no exact title", got)
	}
}

// setHash is the same for a set of words in any order and with repeats, and differs for another set.
func TestSetHash(t *testing.T) {
	a, b := setHash([]uint32{3, 1, 2, 1}), setHash([]uint32{1, 2, 3})
	long := []uint32{9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 10, 11}
	if a != b || setHash(long) != setHash(slices.Concat(long, long)) || a == setHash([]uint32{1, 2}) || a == setHash([]uint32{1, 2, 4}) {
		t.Error("setHash does not hash a set")
	}
}
