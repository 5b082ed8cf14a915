package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

// benchTitles are 100 job titles as HR systems hold them, for the classifyTitles workload.
var benchTitles = func() []string {
	base := []string{"Desktop Support Tech II", "Sr. Linux Admin", "RN - ICU", "CDL-A Truck Driver", "Help Desk Analyst",
		"Network Engineer III", "Jr. Accountant", "Line Cook", "Retail Sales Associate", "Warehouse Associate",
		"Registered Nurse - Med/Surg", "Software Dev Lead", "HR Generalist", "Admin Asst", "Customer Svc Rep",
		"Maintenance Tech", "Project Mgr", "Sr. Data Analyst", "Elementary School Teacher", "Cloud Engineer (AWS)"}
	var out []string
	for _, level := range []string{"", " I", " II", " - Remote", " (Contract)"} {
		for _, t := range base {
			out = append(out, t+level)
		}
	}
	return out
}()

// benchResume is a résumé of 5,000 characters, for the extractSkills workload.
var benchResume = func() string {
	para := "Desktop support technician with four years on a busy service desk. I run the ticket queue in " +
		"ServiceNow, reset Active Directory accounts, manage Group Policy and image Windows 11 laptops with " +
		"PowerShell scripts. Built dashboards in Microsoft Excel and Power BI; automated onboarding with Python " +
		"and Ansible; supported VMware vSphere hosts, Cisco switches (VLANs, OSPF) and Linux servers (RHEL). " +
		"Excellent communicator who will go the extra mile. Certified: CompTIA Security+, CCNA; studying for AZ-104.\n"
	var b strings.Builder
	for b.Len() < 5000 {
		b.WriteString(para)
	}
	return b.String()[:5000]
}()

func quoted(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

var (
	classifyQuery = fmt.Sprintf(`{ classifyTitles(titles: %s, first: 5) { title matches { role { id } score soc matchedTitle } } }`, quoted(benchTitles))
	extractQuery  = fmt.Sprintf(`{ extractSkills(text: %s) { skills { skill { id } offset length confidence } certifications { certification { id } offset } } }`, quoted(benchResume))
)

func init() {
	workloads = append(workloads, struct{ name, query string }{"classifyTitles (100 titles)", classifyQuery},
		struct{ name, query string }{"extractSkills (5,000 chars)", extractQuery})
	for name, q := range map[string]string{"classify 100 titles (O*NET)": classifyQuery, "extract skills, 5,000 chars (O*NET)": extractQuery} {
		onetWorkloads = append(onetWorkloads, name)
		ownOnly[name] = true
		ourQueries[name] = q
	}
}
