package httpapi_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/careergraph/careergraph/internal/neo4jtest"
)

// The demo page in headless Chromium against the real service and Neo4j: fill in a
// profile, and the widget lists ranked roles and certifications and the path diagram is
// drawn. A screenshot is saved to artifacts/demo.png.
func TestDemoInBrowser(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium is required in CI (make browser installs it)")
		}
		t.Skip("no chromium; run make browser")
	}
	srv, _ := newServer(t)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 1100))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()

	widget := `document.querySelector("career-recommendations").shadowRoot`
	err = chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/demo"),
		chromedp.WaitVisible(chromedp.CSS(`form[data-ready="true"]`)),
		// A help desk technician's skills, no role given.
		chromedp.Click(chromedp.CSS(`input[value="ticketing-user-support"]`)),
		chromedp.Click(chromedp.CSS(`input[value="windows-desktop-support"]`)),
		chromedp.Click(chromedp.CSS(`input[value="troubleshooting"]`)),
		chromedp.Click(chromedp.CSS(`input[value="stakeholder-communication"]`)),
		chromedp.Click(chromedp.CSS(`input[value="networking-fundamentals"]`)),
		chromedp.SetValue(chromedp.CSS(`select[data-level="networking-fundamentals"]`), "2"),
		chromedp.SetValue(chromedp.CSS(`#target`), "senior-it-infrastructure-engineer"),
		chromedp.Click(chromedp.CSS(`#go`)),
	)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	wait := func(expr string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatalf("waiting for %s: %v", expr, err)
		}
	}
	wait(widget + `.querySelectorAll("li.role").length > 0`)
	wait(`document.querySelectorAll("#path-diagram .role-node").length > 0`)
	count := func(expr string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return n
	}
	roles := count(widget + `.querySelectorAll("li.role").length`)
	certs := count(widget + `.querySelectorAll("li.cert").length`)
	nodes := count(`document.querySelectorAll("#path-diagram .role-node").length`)
	firstRole, err := chromedp.Run(ctx, chromedp.Evaluate[string](widget+`.querySelector("li.role").dataset.role`))
	if err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if roles < 3 || certs < 1 || nodes < 2 {
		t.Errorf("widget shows %d roles and %d certifications; diagram %d role boxes", roles, certs, nodes)
	}
	if firstRole != "systems-administrator" && firstRole != "network-administrator" {
		t.Errorf("the widget ranks %s first for a help desk profile", firstRole)
	}
	dir := filepath.Join(neo4jtest.RepoRoot(), "artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "demo.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
