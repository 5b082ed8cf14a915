package mentions

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var terms = []Term{
	{ID: "active-directory", Name: "Active Directory"},
	{ID: "tech-ad", Name: "Microsoft Active Directory"},
	{ID: "tech-servicenow", Name: "ServiceNow"},
	{ID: "tech-windows", Name: "Microsoft Windows"},
	{ID: "tech-excel", Name: "Microsoft Excel"},
	{ID: "tech-go", Name: "Go"},
	{ID: "tech-c", Name: "C"},
	{ID: "tech-cpp", Name: "C++"},
	{ID: "tech-node", Name: "Node.js"},
	{ID: "linux-administration", Name: "Linux administration (RHEL, Ubuntu)"},
	{ID: "ospf", Name: "OSPF routing"},
	{ID: "vlan", Name: "VLAN design"},
	{ID: "vsphere", Name: "VMware vSphere clustering (DRS, HA, vMotion)"},
	{ID: "capacity", Name: "Capacity planning"},
	{ID: "aws", Name: "Amazon Web Services", Initials: true},
	{ID: "tech-bls", Name: "Blackboard Learning System"},
	{ID: "acl", Name: "ACLs and firewall policy"},
	{ID: "prometheus-grafana", Name: "Prometheus and Grafana"},
	{ID: "snapshots", Name: "Snapshots and replication"},
	{ID: "change-management", Name: "Change management"},
	{ID: "security-plus", Name: "CompTIA Security+", Certification: true},
	{ID: "az-104", Name: "Microsoft Azure Administrator (AZ-104)", Certification: true},
}

var prose = []string{"Install windows and doors; go to sites and excel at the work."}

// found lists each mention as id@offset+length:text.
func found(d *Dictionary, text string) []string {
	var out []string
	for _, m := range d.Find(text) {
		out = append(out, fmt.Sprintf("%s@%d+%d:%s", m.ID, m.Offset, m.Length, m.Text))
	}
	return out
}

func TestFindNamesWithWhereTheyAre(t *testing.T) {
	d := New(terms, prose)
	text := "Résumé — I run the ticket queue, reset Active Directory accounts in ServiceNow and image Windows 11 laptops."
	got := found(d, text)
	want := []string{"active-directory@39+16:Active Directory", "tech-ad@39+16:Active Directory",
		"tech-servicenow@68+10:ServiceNow", "tech-windows@89+10:Windows 11"}
	if !slices.Equal(got, want) {
		t.Errorf("found %v\nwant  %v", got, want)
	}
	for _, m := range d.Find(text) {
		runes := []rune(text)
		if string(runes[m.Offset:m.Offset+m.Length]) != m.Text || m.Confidence <= 0 || m.Confidence > 1 {
			t.Errorf("%+v: offset and length do not point at its text in characters, or confidence is out of 0..1", m)
		}
	}
}

func TestFindIgnoresWordsThatOnlyLookAlike(t *testing.T) {
	d := New(terms, prose)
	for _, text := range []string{
		"An excellent team player who will go the extra mile.",
		"Go to the server room. Excel at support. C is for coffee.",
		"Windows were cleaned.",
		"We manage change. Routing of tickets to the right queue.",
		"Capacity of the team grew; ha ha.",
		"ICU nurse, BLS and ACLS certified.",
	} {
		if got := found(d, text); len(got) > 0 {
			t.Errorf("%q: found %v, want nothing", text, got)
		}
	}
	got := found(d, "Wrote services in Go and C++, dashboards in Excel and Node.js; ran OSPF and change management on RHEL. Windows 10 rollout. VMware vSphere, vMotion.")
	want := []string{"tech-go@18+2:Go", "tech-cpp@25+3:C++", "tech-excel@44+5:Excel", "tech-node@54+7:Node.js",
		"ospf@67+4:OSPF", "change-management@76+17:change management", "linux-administration@97+4:RHEL",
		"tech-windows@103+10:Windows 10", "vsphere@123+14:VMware vSphere", "vsphere@139+7:vMotion"}
	if !slices.Equal(got, want) {
		t.Errorf("found %v\nwant  %v", got, want)
	}
}

func TestFindNamesByTheirPartsInitialsAndSingulars(t *testing.T) {
	d := New(terms, prose)
	got := found(d, "Ran AWS and aws-cli; dashboards in Prometheus/Grafana; snapshot schedules; ACLs.")
	want := []string{"aws@4+3:AWS", "prometheus-grafana@35+10:Prometheus", "prometheus-grafana@46+7:Grafana",
		"snapshots@55+8:snapshot", "acl@75+4:ACLs"}
	if got := found(d, "VLANs, VLAN and vlan"); !slices.Equal(got, []string{"vlan@0+5:VLANs", "vlan@7+4:VLAN"}) {
		t.Errorf("an acronym in capitals, singular or plural: found %v", got)
	}
	if !slices.Equal(got, want) {
		t.Errorf("found %v\nwant  %v", got, want)
	}
}

func TestFindCertificationsByTheirShortNames(t *testing.T) {
	d := New(terms, prose)
	got := found(d, "Certified: Security+ (2023), AZ-104; studying for CompTIA Security+.")
	want := []string{"security-plus@11+9:Security+", "az-104@29+6:AZ-104", "security-plus@50+17:CompTIA Security+"}
	if !slices.Equal(got, want) {
		t.Errorf("found %v\nwant  %v", got, want)
	}
	for _, m := range d.Find("CompTIA Security+ and Security+") {
		if !m.Certification {
			t.Errorf("%+v is not marked a certification", m)
		}
	}
}

func TestFindWholeNamesAreSurest(t *testing.T) {
	d := New(terms, prose)
	ms := d.Find("Microsoft Active Directory, Active Directory, Excel")
	conf := map[string][]float64{}
	for _, m := range ms {
		conf[m.ID] = append(conf[m.ID], m.Confidence)
	}
	if !(conf["tech-ad"][0] > conf["tech-ad"][1] && conf["tech-ad"][1] > conf["tech-excel"][0]) {
		t.Errorf("confidences %v: want a whole name above a shorter name above a common word", conf)
	}
}

// Fuzz: any text gives mentions whose offsets and lengths point at their text, and
// nothing panics.
func FuzzFind(f *testing.F) {
	d := New(terms, prose)
	for _, s := range []string{"Go C++ .NET", "Windows 11.", "é\u0301 Active Directory", ".", "+#", "\xff Excel 2019"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, m := range d.Find(text) {
			if !utf8.ValidString(text) {
				continue
			}
			runes := []rune(text)
			if m.Offset < 0 || m.Offset+m.Length > len(runes) || string(runes[m.Offset:m.Offset+m.Length]) != m.Text {
				t.Fatalf("%+v does not point at its text in %q", m, text)
			}
			if strings.TrimSpace(m.Text) != m.Text {
				t.Fatalf("%+v has spaces around it", m)
			}
		}
	})
}
