package httpapi_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/careergraph/careergraph/internal/neo4jtest"
)

const widget = `document.querySelector("career-recommendations").shadowRoot`

// browser opens headless Chromium for one test.
func browser(t *testing.T) context.Context {
	t.Helper()
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium is required in CI (make browser installs it)")
		}
		t.Skip("no chromium; run make browser")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 1100))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 120*time.Second)
	t.Cleanup(cancelTimeout)
	return ctx
}

// The steps below drive the page with JavaScript only. chromedp's node queries (WaitVisible,
// Click, SetValue, SendKeys) read its copy of the DOM while its event loop updates it, which
// the race detector reports (chromedp v0.23.0, attributeModified against a query).

// pick types text into a type-ahead field and chooses the suggestion with the given id.
func pick(field, text, id string) []chromedp.Action[chromedp.Void] {
	option := fmt.Sprintf(`document.querySelector("#%s-options button[data-id='%s']")`, field, id)
	return []chromedp.Action[chromedp.Void]{
		script(fmt.Sprintf(`(() => { const f = document.getElementById(%q); f.focus(); f.value = %q;
			f.dispatchEvent(new Event("input", {bubbles: true})); return true })()`, field, text)),
		until(option + ` !== null && ` + option + `.offsetParent !== null`),
		script(`(() => { ` + option + `.click(); return true })()`),
	}
}

// script runs JavaScript that returns true.
func script(expr string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Evaluate[bool](expr)(ctx, t)
		return chromedp.Void{}, err
	}
}

// until waits for a JavaScript expression to be true.
func until(expr string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(45*time.Second))(ctx, t)
		return chromedp.Void{}, err
	}
}

// click clicks the element a CSS selector names.
func click(selector string) chromedp.Action[chromedp.Void] {
	return script(fmt.Sprintf(`(() => { document.querySelector(%q).click(); return true })()`, selector))
}

func waitFor(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(45*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", expr, err)
	}
}

func evaluate[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(neo4jtest.RepoRoot(), "artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// The demo page in headless Chromium against the real service and Neo4j: add a help desk
// technician's skills through the type-ahead, and the widget lists ranked roles and
// certifications and the path diagram is drawn. A screenshot goes to artifacts/demo.png.
func TestDemoInBrowser(t *testing.T) {
	ctx := browser(t)
	srv, _ := newServer(t)
	steps := []chromedp.Action[chromedp.Void]{chromedp.Navigate(srv.URL + "/demo"),
		until(`document.querySelector('form[data-ready="true"]') !== null`)}
	for _, s := range [][2]string{{"ticketing", "ticketing-user-support"}, {"windows desktop", "windows-desktop-support"},
		{"troubleshooting", "troubleshooting"}, {"stakeholder", "stakeholder-communication"},
		{"networking fundamentals", "networking-fundamentals"}} {
		steps = append(steps, pick("skill-search", s[0], s[1])...)
	}
	steps = append(steps, script(`(document.querySelector('select[data-level="networking-fundamentals"]').value = "2") === "2"`),
		click("#go"))
	err := chromedp.Do(ctx, steps...)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	waitFor(t, ctx, widget+`.querySelectorAll("li.role").length > 0`)
	waitFor(t, ctx, `document.querySelectorAll("#path-diagram .role-node").length > 0`)
	roles := evaluate[int](t, ctx, widget+`.querySelectorAll("li.role").length`)
	certs := evaluate[int](t, ctx, widget+`.querySelectorAll("li.cert").length`)
	nodes := evaluate[int](t, ctx, `document.querySelectorAll("#path-diagram .role-node").length`)
	first := evaluate[string](t, ctx, widget+`.querySelector("li.role").dataset.role`)
	screenshot(t, ctx, "demo.png")
	if roles < 3 || certs < 1 || nodes < 2 {
		t.Errorf("widget shows %d roles and %d certifications; diagram %d role boxes", roles, certs, nodes)
	}
	if first != "systems-administrator" && first != "network-administrator" {
		t.Errorf("the widget ranks %s first for a help desk profile", first)
	}
}

// With O*NET and OEWS imported (TestOverFullONet), both ends of a path from the curated
// ladder into O*NET and an area are picked by typing; the diagram draws the path with the
// area's median pay under every role, and the widget shows each role's, both as the API
// answers. Screenshot: artifacts/demo-onet.png.
func demoWithWages(t *testing.T, srv *httptest.Server) {
	ctx := browser(t)
	steps := []chromedp.Action[chromedp.Void]{chromedp.Navigate(srv.URL + "/demo"),
		until(`document.querySelector('form[data-ready="true"]') !== null`)}
	steps = append(steps, pick("role", "help desk", "help-desk-technician")...)
	steps = append(steps, pick("target", "network architects", "onet-15-1241-00")...)
	steps = append(steps, pick("area", "texas", "48")...)
	err := chromedp.Do(ctx, append(steps, click("#go"))...)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	waitFor(t, ctx, widget+`.querySelectorAll("li.role .pay").length > 0`)
	waitFor(t, ctx, `document.querySelectorAll("#path-diagram .role-node .pay").length > 0`)
	last := evaluate[string](t, ctx, `[...document.querySelectorAll("#path-diagram .role-node")].pop().dataset.role`)
	screenshot(t, ctx, "demo-onet.png")
	if last != "onet-15-1241-00" {
		t.Errorf("the diagram ends at %s, want Computer Network Architects", last)
	}
	drawn := evaluate[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("#path-diagram .role-node")]
		.map((g) => [g.dataset.role, g.dataset.median ?? ""]))`)
	shown := evaluate[map[string]string](t, ctx, `Object.fromEntries([...`+widget+`.querySelectorAll("li.role")]
		.map((li) => [li.dataset.role, li.dataset.median]))`)
	for what, got := range map[string]map[string]string{"diagram": drawn, "widget": shown} {
		if len(got) < 2 {
			t.Errorf("the %s shows %d roles", what, len(got))
		}
		for id, median := range got {
			if want := texasMedian(t, srv, id); median != want {
				t.Errorf("the %s shows %s at median %q; the API says %q in Texas", what, id, median, want)
			}
		}
	}
}

// texasMedian is a role's yearly median in Texas (the nation's where Texas has none) as
// the API answers it, as text; "" when it has none.
func texasMedian(t *testing.T, srv *httptest.Server, id string) string {
	var data struct {
		Role struct{ Wages *struct{ Median *int } }
	}
	noErrors(t, query(t, srv, `query($id: ID!) { role(id: $id) { wages(area: "48") { median } } }`, map[string]any{"id": id}, &data))
	if w := data.Role.Wages; w != nil && w.Median != nil {
		return fmt.Sprint(*w.Median)
	}
	return ""
}

// The demo and the widget from words, with O*NET imported: a typed job title and a
// pasted résumé fill the profile; the page says which role the title names and marks
// what the résumé names where the API says; the widget and the path diagram start there.
func demoFromWords(t *testing.T, srv *httptest.Server) {
	ctx := browser(t)
	resume := "Résumé — I run the ticket queue in ServiceNow, reset Active Directory accounts and image Windows 11 laptops. CompTIA Security+."
	steps := []chromedp.Action[chromedp.Void]{chromedp.Navigate(srv.URL + "/demo"),
		until(`document.querySelector('form[data-ready="true"]') !== null`),
		script(fmt.Sprintf(`(() => { document.getElementById("title").value = %q; document.getElementById("resume").value = %q;
			return true })()`, "help desk analyst", resume))}
	steps = append(steps, pick("target", "senior it infrastructure", "senior-it-infrastructure-engineer")...)
	if err := chromedp.Do(ctx, append(steps, click("#go"))...); err != nil {
		t.Fatalf("browser: %v", err)
	}
	waitFor(t, ctx, `document.querySelectorAll("#resume-understood mark").length > 0 && document.getElementById("title-understood").dataset.role !== undefined`)
	waitFor(t, ctx, widget+`.querySelector(".understood") !== null && `+widget+`.querySelectorAll("li.role").length > 0`)
	waitFor(t, ctx, `document.querySelectorAll("#path-diagram .role-node").length > 0`)
	screenshot(t, ctx, "demo-words.png")
	understood := evaluate[string](t, ctx, `document.getElementById("title-understood").dataset.role`)
	started := evaluate[string](t, ctx, widget+`.querySelector(".understood").dataset.role`)
	first := evaluate[string](t, ctx, `document.querySelector("#path-diagram .role-node").dataset.role`)
	fromText := evaluate[string](t, ctx, widget+`.querySelector(".from-text").textContent`)
	said := evaluate[string](t, ctx, `document.getElementById("title-understood").textContent`)
	if understood != "help-desk-technician" || !strings.Contains(said, "Help Desk Technician") || started != "help-desk-technician" || first != "help-desk-technician" {
		t.Errorf("title understood as %q (%q); the widget starts at %q and the diagram at %q, want help-desk-technician", understood, said, started, first)
	}
	if !strings.Contains(fromText, "ServiceNow") || !strings.Contains(fromText, "CompTIA Security+") {
		t.Errorf("the widget says %q of the text", fromText)
	}
	marked := evaluate[[]string](t, ctx, `[...document.querySelectorAll("#resume-understood mark")].map((m) => m.textContent)`)
	var data struct {
		ExtractSkills struct {
			Skills, Certifications []struct{ Text string }
		}
	}
	noErrors(t, query(t, srv, `query($s: String!) { extractSkills(text: $s) { skills { text } certifications { text } } }`,
		map[string]any{"s": resume}, &data))
	var want []string
	for _, m := range append(data.ExtractSkills.Skills, data.ExtractSkills.Certifications...) {
		if !slices.Contains(want, m.Text) {
			want = append(want, m.Text)
		}
	}
	slices.Sort(want)
	slices.Sort(marked)
	if !slices.Equal(marked, want) {
		t.Errorf("the page marks %q; the API names %q", marked, want)
	}
}
